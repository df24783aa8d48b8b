using System.Net;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.StripeBudget;

/// <summary>
/// The app's Stripe budget in lanes against the emulator enforcing Stripe's test-mode limits (25 requests a second per
/// account, 25 per endpoint): background refetches use the whole budget the app allows itself, and a buyer still gets
/// to Checkout at once.
/// </summary>
public sealed class StripeLanesTests
{
    [Fact]
    public async Task Buy_BackgroundRefetchesSaturateStripesTestLimits_BuyerGoesToCheckoutAheadOfThemAndNothingFails()
    {
        await using var app = new StripeTestLimitsFactory();
        using var shop = await app.ShopAsync();
        var others = new List<string>();
        for (var i = 0; i < 4; i++) others.Add(await app.CreateConnectAccountAsync(await app.RegisterCreatorAsync()));
        await app.QuiesceAsync();
        var since = TimeProvider.System.GetUtcNow();

        // Background work, as the webhook jobs do it: account refetches of the platform (GET /v1/accounts/{id}), far more
        // than the budget allows in a second, plus real events whose handlers refetch the same way.
        var refetchesDone = 0;
        var refetches = Enumerable.Range(0, 240).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IStripeGateway>().GetAccountAsync(others[i % others.Count]);
            Interlocked.Increment(ref refetchesDone);
        })).ToList();
        foreach (var account in others) app.Emulator.SetAccountState(app.ApiKey, account, "enabled");
        while (Volatile.Read(ref refetchesDone) < 20) await Task.Delay(50); // the budget is spent: requests are queued

        using var buyer = app.Visitor();
        var buy = await buyer.BuyAsync(shop);
        var doneAtBuy = Volatile.Read(ref refetchesDone);

        buy.StatusCode.Should().Be(HttpStatusCode.SeeOther, await buy.Content.ReadAsStringAsync());
        buy.Headers.Location!.ToString().Should().Contain("/c/pay/cs_", "the buyer is sent to Checkout");
        await Task.WhenAll(refetches); // background requests wait, never fail
        doneAtBuy.Should().BeLessThan(120, "the Buy's request took the reserved share instead of queuing behind 240 background reads");
        var requests = app.RequestsSince(since);
        requests.Should().ContainSingle(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Status == 200);
        requests.Count(r => r.Status == 200 && r.Path.StartsWith("/v1/accounts/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(240);
        await app.QuiesceAsync(seconds: 60);
        (await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Failed))).Should().Be(0);
        (await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.ConnectedAccountId != null && others.Contains(e.ConnectedAccountId)
            && e.Type == "account.updated" && e.Status == WebhookEventStatus.Processed))).Should().BeGreaterThanOrEqualTo(others.Count);
    }
}

/// <summary>
/// The live app against an emulator enforcing Stripe's test-mode rate limits, allowing itself the whole test-mode budget
/// (25/s, a quarter reserved for people), with the anonymous Buy limit raised.
/// </summary>
public sealed class StripeTestLimitsFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["StripeEmulator:RateLimits"] = "test",
    ["Stripe:RequestsPerSecond"] = "25",
    ["Stripe:InteractiveShare"] = "0.25",
    ["Orders:AnonymousBuyPermitPerMinute"] = "10000",
});
