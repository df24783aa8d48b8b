using Hangfire;
using Marketplace.Core.Data;
using Marketplace.Core.Webhooks.Processing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Webhooks.Dispatch;

/// <summary>
/// Hands acknowledged inbox rows to Hangfire off the request path. Runs in every app process (web replicas without a
/// Hangfire server too: enqueueing needs only the storage). Woken by <see cref="WebhookDispatchSignal"/> after each
/// committed delivery, and every <see cref="WebhookDispatchOptions.PollSeconds"/> as a safety net, it claims the rows
/// that are <c>Received</c> with no job yet (<see cref="WebhookJobClaims"/>), up to
/// <see cref="WebhookDispatchOptions.BatchSize"/> at a time, enqueues one <see cref="ProcessStripeWebhookBatchJob"/> per
/// claim and records its id on the rows. The inbox row stays the source of truth: a crash between claim and enqueue leaves a claim that
/// <see cref="WebhookRecoveryJob"/> treats as a lost job.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookDispatchSignal signal,
    IOptions<WebhookDispatchOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled) return;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    // The rows already in the inbox are not new: start the fast path above them (the full sweep finds any waiting).
                    await using (var scope = scopes.CreateAsyncScope())
                        AdvanceWatermark(await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().StripeWebhookEvents
                            .MaxAsync(e => (long?)e.Id, stoppingToken) ?? 0);
                    started = true;
                    await DispatchPendingAsync(newRowsOnly: false, stoppingToken);
                }

                var signalled = await signal.WaitAsync(poll, stoppingToken);
                if (signalled && options.Value.GatherMs > 0) await Task.Delay(options.Value.GatherMs, stoppingToken);
                await DispatchPendingAsync(newRowsOnly: signalled, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The rows stay unassigned (or claimed, for the recovery job); the next signal or poll tries again.
                logger.LogError(ex, "Webhook dispatch failed; retrying at the next signal or poll");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Claims and enqueues the rows waiting for a job, <see cref="WebhookDispatchOptions.BatchSize"/> at a time; returns
    /// how many rows were given a job by this call. With <paramref name="newRowsOnly"/> (after a signal) it reads only
    /// the rows above the highest id it has already looked at, a primary-key range, instead of every Received row
    /// (which, while a backlog drains, are thousands of rows whose job is already enqueued); the poll looks at all.
    /// </summary>
    public async Task<int> DispatchPendingAsync(bool newRowsOnly, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            List<long> waiting;
            bool more;
            if (newRowsOnly)
            {
                var watermark = Interlocked.Read(ref _watermark);
                var rows = await db.StripeWebhookEvents.AsNoTracking().Where(e => e.Id > watermark).OrderBy(e => e.Id)
                    .Select(e => new { e.Id, e.HangfireJobId, e.ClaimToken, e.Status, e.Attempts }).Take(batchSize).ToListAsync(cancellationToken);
                if (rows.Count == 0) break;
                waiting = rows.Where(e => e.HangfireJobId == null && e.ClaimToken == null && e.Status == WebhookEventStatus.Received && e.Attempts == 0).Select(e => e.Id).ToList();
                more = rows.Count == batchSize;
                AdvanceWatermark(rows[^1].Id);
            }
            else
            {
                waiting = await db.StripeWebhookEvents.AsNoTracking()
                    .Where(e => e.HangfireJobId == null && e.ClaimToken == null && e.Status == WebhookEventStatus.Received && e.Attempts == 0)
                    .OrderBy(e => e.Id).Select(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
                more = waiting.Count == batchSize;
                if (waiting.Count > 0) AdvanceWatermark(waiting[^1]);
            }

            if (waiting.Count > 0)
            {
                var token = WebhookJobClaims.NewToken();
                var mine = await WebhookJobClaims.ClaimUnassignedAsync(db, waiting, token, clock.GetUtcNow().UtcDateTime, cancellationToken);
                if (mine.Count > 0)
                {
                    var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
                    try
                    {
                        await EnqueueAsync(db, jobs, token, mine);
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        await WebhookJobClaims.ReleaseAsync(db, token); // the next poll (all rows) sees them again
                        throw;
                    }

                    total += mine.Count;
                }
            }

            if (!more) break;
        }

        return total;
    }

    private long _watermark;

    private void AdvanceWatermark(long id)
    {
        var seen = Interlocked.Read(ref _watermark);
        while (id > seen)
        {
            var previous = Interlocked.CompareExchange(ref _watermark, id, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }

    private async Task EnqueueAsync(MarketplaceDbContext db, IBackgroundJobClient jobs, string token, List<long> rowIds)
    {
        var ids = rowIds.ToArray();
        var jobId = jobs.Enqueue<ProcessStripeWebhookBatchJob>(job => job.RunAsync(ids, token, null, CancellationToken.None));
        await WebhookJobClaims.RecordJobAsync(db, token, jobId, clock.GetUtcNow().UtcDateTime);
    }
}
