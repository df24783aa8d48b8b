using Marketplace.StripeGateway;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.StripeBudget;

/// <summary>
/// Stripe's per-endpoint limit (25 requests a second, whatever the account's total) kept by the app while its budget
/// allows far more: the emulator enforces Stripe's live-mode limits and never has to refuse a request.
/// </summary>
public sealed class StripeEndpointLimitTests
{
    [Fact]
    public async Task GetAccount_BackgroundRefetchesOfOneEndpointBeyondItsLimit_EmulatorNeverAnswers429()
    {
        await using var app = new StripeLiveLimitsFactory();
        var accounts = new List<string>();
        for (var i = 0; i < 3; i++) accounts.Add(await app.CreateConnectAccountAsync(await app.RegisterCreatorAsync()));
        await app.QuiesceAsync();
        var since = TimeProvider.System.GetUtcNow();

        // 90 reads of GET /v1/accounts/{id} at once: the app's 90/s budget (67/s for background work) would send them
        // at nearly three times the endpoint's 25/s.
        await Task.WhenAll(Enumerable.Range(0, 90).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IStripeGateway>().GetAccountAsync(accounts[i % accounts.Count]);
        })));

        var reads = app.RequestsSince(since).Where(r => r.Method == "GET" && r.Path.StartsWith("/v1/accounts/", StringComparison.Ordinal)).ToList();
        reads.Count(r => r.Status == 200).Should().BeGreaterThanOrEqualTo(90);
        reads.Where(r => r.Status == 429).Should().BeEmpty("the app paces each endpoint under Stripe's 25/s");
    }
}

/// <summary>
/// The live app against an emulator enforcing Stripe's live-mode limits (100/s per account, 25/s per endpoint),
/// allowing itself 90 requests a second.
/// </summary>
public sealed class StripeLiveLimitsFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["StripeEmulator:RateLimits"] = "live",
    ["Stripe:RequestsPerSecond"] = "90",
    ["Stripe:InteractiveShare"] = "0.25",
});
