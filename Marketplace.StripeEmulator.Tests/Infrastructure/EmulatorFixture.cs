using Marketplace.StripeEmulator;
using Stripe;

namespace Marketplace.StripeEmulator.Tests.Infrastructure;

/// <summary>One emulator per test class, on a free loopback port, with short delivery retry delays.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public StripeEmulatorServer Server { get; private set; } = null!;

    public Uri BaseUrl => Server.BaseUrl;

    public async Task InitializeAsync()
    {
        var options = new StripeEmulatorOptions
        {
            Url = "http://127.0.0.1:0",
            DeliveryRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)],
            DeliveryTimeout = TimeSpan.FromSeconds(2),
        };
        Server = await StripeEmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    /// <summary>A key no other test uses, so its state is private to the test.</summary>
    public static string NewApiKey() => $"sk_test_{Guid.NewGuid():N}";

    /// <summary>The real Stripe.net client pointed at the emulator (no network retries unless asked).</summary>
    public StripeClient Client(string apiKey, int maxNetworkRetries = 0) =>
        new(apiKey, httpClient: new SystemNetHttpClient(new HttpClient(), maxNetworkRetries: maxNetworkRetries), apiBase: BaseUrl.ToString(),
            filesBase: BaseUrl.ToString());

    /// <summary>A raw client for the hosted pages and wire-format checks; redirects are not followed.</summary>
    public HttpClient Http(string? apiKey = null)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
        if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return http;
    }
}
