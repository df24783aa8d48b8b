using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Listings;
using Marketplace.Core.Orders;
using Marketplace.Core.Plans;
using Marketplace.StripeEmulator.Api;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Orders;

/// <summary>A shop that can take payments: its creator, slug, Connect account and one listing.</summary>
public sealed record Shop(BrowserSession Creator, int CreatorId, string Slug, string AccountId, int ListingId) : IDisposable
{
    public string ListingPage => $"/c/{Slug}/{ListingId}";

    public void Dispose() => Creator.Dispose();
}

/// <summary>Shops, buyers and payments the way users make them: the app's pages, the emulator's hosted Checkout.</summary>
public static class OrderScenarios
{
    /// <summary>
    /// A creator registered through the UI, onboarded on the emulator (account enabled, then read from Stripe as the
    /// onboarding return page does), moved to <paramref name="planCode"/>, with one listing created through the listing form.
    /// </summary>
    public static async Task<Shop> ShopAsync(this LiveMarketplaceFactory app, string planCode = PlanCodes.Silver, string title = "Poster A2",
        string price = "25.00", string currency = "eur", string? deliveryNote = "Download: https://files.example/poster-a2.pdf")
    {
        var browser = app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, "Poster Shop");
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        var accountId = await app.CreateConnectAccountAsync(creatorId);
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        (await app.WithServiceAsync<ConnectAccountSync, CreatorStripeAccount?>(sync => sync.SyncAsync(accountId, null)))!.OnboardingStatus
            .Should().Be(OnboardingStatus.Complete);
        if (planCode != PlanCodes.Free) await app.MovePlanAsync(creatorId, planCode);
        var created = await browser.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Description"] = "Printed on heavy paper.", ["Price"] = price, ["Currency"] = currency, ["DeliveryNote"] = deliveryNote ?? "",
        }, "/creator/listings");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var shop = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId)
            .Select(c => new { c.Slug, c.StripeAccount!.StripeAccountId, ListingId = db.Listings.Where(l => l.CreatorProfileId == creatorId).Max(l => l.Id) }).SingleAsync());
        await app.QuiesceAsync();
        return new Shop(browser, creatorId, shop.Slug, shop.StripeAccountId, shop.ListingId);
    }

    /// <summary>
    /// Waits until the emulator has delivered what it had to and the app has settled every inbox row (no delivery for
    /// 300 ms, no row Received or Processing), so a test that then changes a table, or counts Stripe requests, does not race a late
    /// webhook (<c>account.updated</c> of the onboarding, refetching the account).
    /// </summary>
    public static async Task QuiesceAsync(this LiveMarketplaceFactory app, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = -1;
        while (DateTime.UtcNow < deadline)
        {
            var deliveries = app.Emulator.GetDeliveries(app.ApiKey).Count;
            // Processing counts too: a row whose job is still refetching the account from Stripe would otherwise let the
            // test start while that job's GET /v1/accounts and its write to the account row are yet to come.
            var pending = await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e =>
                e.Status == Core.Webhooks.WebhookEventStatus.Received || e.Status == Core.Webhooks.WebhookEventStatus.Processing));
            if (pending == 0 && deliveries == last) return;
            last = deliveries;
            await Task.Delay(300);
        }

        throw new TimeoutException("Webhooks still in flight after " + seconds + " s:\n" + await app.DiagnosticsAsync());
    }

    /// <summary>Clicks Buy on the listing page (taking its antiforgery token, as a browser does); 303 to Checkout when it works.</summary>
    public static Task<HttpResponseMessage> BuyAsync(this BrowserSession buyer, Shop shop) =>
        buyer.SubmitFormAsync(shop.ListingPage, new Dictionary<string, string>(), shop.ListingPage + "/buy");

    /// <summary>Pays the hosted Checkout page at <paramref name="checkoutUrl"/>; returns where Stripe sends the buyer back (the success URL).</summary>
    public static async Task<Uri> PayAsync(Uri checkoutUrl, string card = "4242424242424242", string email = "buyer@example.com")
    {
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var paid = await stripePage.PostAsync(checkoutUrl, new FormUrlEncodedContent([new("card_number", card), new("action", "pay"), new("email", email)]));
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther, await paid.Content.ReadAsStringAsync());
        return paid.Headers.Location!;
    }

    /// <summary>The orders of a creator, oldest first (fresh, untracked).</summary>
    public static Task<List<Order>> OrdersOfAsync(this MarketplaceFactory app, int creatorId) =>
        app.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == creatorId).OrderBy(o => o.Id).ToListAsync());

    /// <summary>The emulator's log of Stripe API requests made after <paramref name="since"/>.</summary>
    public static IReadOnlyList<EmulatorRequest> RequestsSince(this LiveMarketplaceFactory app, DateTimeOffset since) =>
        [.. app.Emulator.GetRequests(app.ApiKey).Where(r => r.At >= since)];

    /// <summary>The first value of form parameter <paramref name="key"/> of a logged request; null when absent.</summary>
    public static string? Param(this EmulatorRequest request, string key) =>
        request.Parameters.Where(p => p.Key == key).Select(p => p.Value).FirstOrDefault();

    /// <summary>A listing stored directly (bypassing the form's checks, as an older listing may be), active, of the creator.</summary>
    public static Task<int> StoreListingAsync(this MarketplaceFactory app, int creatorId, string title, long priceMinor, string currency) =>
        app.WithDbAsync(async db =>
        {
            var listing = new Listing(creatorId, title, null, priceMinor, currency, DateTime.UtcNow, "Note");
            db.Listings.Add(listing);
            await db.SaveChangesAsync();
            return listing.Id;
        });

    /// <summary>Changes the creator's profile or Connect account row as a webhook would have (the guard reads only these).</summary>
    public static Task ChangeCreatorAsync(this MarketplaceFactory app, int creatorId, Action<CreatorProfile, MarketplaceDbContext> change) =>
        app.WithDbAsync(async db =>
        {
            var creator = await db.CreatorProfiles.Include(c => c.StripeAccount).Include(c => c.Subscription).SingleAsync(c => c.Id == creatorId);
            change(creator, db);
            return await db.SaveChangesAsync();
        });

    /// <summary>A visitor's browser on the live app.</summary>
    public static BrowserSession Visitor(this LiveMarketplaceFactory app) => app.NewBrowser();

    /// <summary>The id of listing <paramref name="title"/> of the creator.</summary>
    public static Task<int> ListingIdAsync(this MarketplaceFactory app, int creatorId, string title) =>
        app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId && l.Title == title).Select(l => l.Id).SingleAsync());

    /// <summary>Scoped service access for a test.</summary>
    public static async Task<T> WithServiceAsync<TService, T>(this MarketplaceFactory app, Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

/// <summary>The live app for order tests: the anonymous Buy limit raised so that many buys from 127.0.0.1 never meet it.</summary>
public class OrdersFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?> { ["Orders:AnonymousBuyPermitPerMinute"] = "10000" });

/// <summary><see cref="OrdersFactory"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresOrdersFactory : OrdersFactory
{
    /// <inheritdoc />
    public override Marketplace.Core.Data.DatabaseProvider Provider => Marketplace.Core.Data.DatabaseProvider.Postgres;
}
