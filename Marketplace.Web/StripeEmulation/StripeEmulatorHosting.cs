using Marketplace.StripeGateway;
using Marketplace.StripeEmulator;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Web.StripeEmulation;

/// <summary>
/// Emulator mode (no <c>Stripe:SecretKey</c>, or <c>Stripe:Mode=Emulator</c>): the Stripe emulator runs in this
/// process, started with the host (before the Hangfire server), and the same Stripe.net client talks to it with only
/// the API base changed. With a real key nothing of the emulator runs.
/// </summary>
public static class StripeEmulatorHosting
{
    /// <summary>Registers the in-process emulator and a Stripe client pointed at it, when configuration asks for it.</summary>
    public static IServiceCollection AddStripeEmulatorIfNeeded(this IServiceCollection services, IConfiguration configuration)
    {
        var stripe = configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() ?? new StripeOptions();
        if (!stripe.UsesEmulator) return services;

        services.AddOptions<InProcessEmulatorOptions>().Bind(configuration.GetSection(InProcessEmulatorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InProcessStripeEmulator>();
        services.AddHostedService(sp => sp.GetRequiredService<InProcessStripeEmulator>());
        services.AddHostedService<EmulatorWebhookRegistration>();
        services.AddSingleton<StripeClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            options.ApiBase = sp.GetRequiredService<InProcessStripeEmulator>().BaseUrl.ToString().TrimEnd('/');
            return StripeClientFactory.Create(options);
        });
        return services;
    }
}

/// <summary>The emulator as a hosted service: started before the app serves or runs jobs, stopped with it.</summary>
/// <remarks>
/// <see cref="InProcessEmulatorOptions"/> (<c>StripeEmulator:RateLimits</c>, <c>StripeEmulator:CheckoutExpiryInRealTime</c>)
/// set what it models, as for the standalone emulator.
/// </remarks>
public sealed class InProcessStripeEmulator(IOptions<StripeOptions> options, IOptions<InProcessEmulatorOptions> emulatorOptions, ILogger<InProcessStripeEmulator> logger)
    : IHostedService, IAsyncDisposable
{
    private StripeEmulatorServer? _server;

    /// <summary>The running emulator (e.g. for tests driving its control API).</summary>
    /// <exception cref="InvalidOperationException">The host has not started yet.</exception>
    public StripeEmulatorServer Server => _server ?? throw new InvalidOperationException("The Stripe emulator starts with the host.");

    /// <summary>Where it listens: the Stripe client's API base.</summary>
    public Uri BaseUrl => Server.BaseUrl;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await StripeEmulatorServer.StartAsync(new StripeEmulatorOptions
        {
            Url = options.Value.EmulatorUrl,
            PlatformCountry = options.Value.PlatformCountry,
            DeliveryRetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)],
            RateLimits = emulatorOptions.Value.RateLimits,
            CheckoutExpiryInRealTime = emulatorOptions.Value.CheckoutExpiryInRealTime,
        }, cancellationToken);
        logger.LogInformation("Stripe emulator mode: no Stripe key configured, Stripe's API is emulated at {EmulatorUrl}", _server.BaseUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null) await server.DisposeAsync();
    }
}
