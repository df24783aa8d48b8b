using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.PageViews;

/// <summary>
/// Writes the <see cref="PageViewCounter"/>'s counts every <see cref="PageViewOptions.FlushSeconds"/> and once more at
/// shutdown (hosted service, every web process). A batch that fails (database down) is put back and tried with the next.
/// </summary>
public sealed class PageViewFlusher(PageViewCounter counter, IServiceScopeFactory scopes, IOptions<PageViewOptions> options, TimeProvider clock,
    ILogger<PageViewFlusher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Writes what was counted so far now; returns how many (shop, page, day) rows were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        var counts = counter.Drain();
        try
        {
            using var scope = scopes.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PageViewWriter>().WriteAsync(counts, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            counter.Restore(counts);
            logger.LogWarning(ex, "Page views could not be written; they are kept for the next batch");
            return 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }
}
