using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Plans;
using Marketplace.Core.PriceSync;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Subscriptions;

/// <summary>Creators brought to a paid plan the way a user does it: register, onboard, choose a plan, pay on Checkout.</summary>
public static class SubscribedCreators
{
    /// <summary>A creator registered through the UI, with a Connect account that can receive payments.</summary>
    public static async Task<(BrowserSession Browser, int CreatorId)> EligibleCreatorAsync(this LiveMarketplaceFactory app, string name = "Creator")
    {
        var browser = app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, name);
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        var accountId = await app.CreateConnectAccountAsync(creatorId);
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        await app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId),
            a => a.OnboardingStatus == OnboardingStatus.Complete, because: "onboarding complete");
        return (browser, creatorId);
    }

    /// <summary>An eligible creator subscribed to <paramref name="planCode"/> through the app's plan page and the hosted Checkout.</summary>
    public static async Task<(BrowserSession Browser, int CreatorId)> SubscribedCreatorAsync(this LiveMarketplaceFactory app, string planCode = PlanCodes.Silver,
        string interval = "month", string card = "4242424242424242")
    {
        var (browser, creatorId) = await app.EligibleCreatorAsync();
        await app.SubscribeAsync(browser, creatorId, planCode, interval, card);
        return (browser, creatorId);
    }

    /// <summary>Chooses a paid plan, pays on the emulator's Checkout page and opens the success page; asserts the plan is applied.</summary>
    public static async Task SubscribeAsync(this LiveMarketplaceFactory app, BrowserSession browser, int creatorId, string planCode, string interval = "month",
        string card = "4242424242424242")
    {
        var planId = await app.PlanIdAsync(planCode);
        var toStripe = await browser.SubmitFormAsync("/creator/subscription/upgrade", new Dictionary<string, string> { ["interval"] = interval },
            $"/creator/subscription/plan/{planId}/select");
        if (toStripe.StatusCode != HttpStatusCode.SeeOther)
            throw new InvalidOperationException($"Plan selection answered {(int)toStripe.StatusCode} to {toStripe.Headers.Location}: "
                + System.Text.RegularExpressions.Regex.Match(await browser.PageAsync("/creator/subscription/upgrade"), "data-testid=\"error\">([^<]*)<").Groups[1].Value);
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var paid = await stripePage.PostAsync(toStripe.Headers.Location, new FormUrlEncodedContent([new("card_number", card), new("action", "pay")]));
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var success = await browser.Client.GetAsync(paid.Headers.Location);
        success.Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        (await app.RowAsync(creatorId)).Plan!.Code.Should().Be(planCode);
    }

    /// <summary>
    /// A subscription Checkout for the creator's Customer (<c>metadata[creator_id]</c> set) on <paramref name="planCode"/>
    /// monthly, created and paid on the hosted page without going through the app, as a second tab or an old page would;
    /// returns the subscription id.
    /// </summary>
    public static async Task<string> PaySubscriptionAroundTheAppAsync(this LiveMarketplaceFactory app, int creatorId, string customerId, string planCode)
    {
        var priceId = await app.StripePriceIdAsync(planCode, PlanInterval.Month);
        var metadata = new Dictionary<string, string> { ["creator_id"] = creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var session = await app.Stripe.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customerId,
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            ClientReferenceId = metadata["creator_id"],
            Metadata = metadata,
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = metadata },
            SuccessUrl = new Uri(app.AppUrl, "/creator/subscription").ToString(),
        });
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var paid = await stripePage.PostAsync(session.Url, new FormUrlEncodedContent([new("card_number", "4242424242424242"), new("action", "pay")]));
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        return (await app.Stripe.V1.Checkout.Sessions.GetAsync(session.Id)).SubscriptionId;
    }

    /// <summary>The creator's subscription row with plan and price (fresh, untracked).</summary>
    public static Task<CreatorSubscription> RowAsync(this MarketplaceFactory app, int creatorId) =>
        app.WithDbAsync(db => db.CreatorSubscriptions.AsNoTracking().Include(s => s.Plan).Include(s => s.PlanPrice).SingleAsync(s => s.CreatorProfileId == creatorId));

    /// <summary>The id of plan <paramref name="code"/>.</summary>
    public static Task<int> PlanIdAsync(this MarketplaceFactory app, string code) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    /// <summary>Creates (or finds) the Stripe Price of a plan price through the app's own price sync; returns <c>price_…</c>.</summary>
    public static async Task<string> StripePriceIdAsync(this MarketplaceFactory app, string planCode, PlanInterval interval)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await app.WithDbAsync(db => db.PlanPrices.Where(p => p.Plan!.Code == planCode && p.Interval == interval && p.IsActive).Select(p => p.Id).SingleAsync());
        return await scope.ServiceProvider.GetRequiredService<PlanPriceSync>().EnsureStripePriceAsync(id);
    }

    /// <summary>GETs <paramref name="page"/> and returns its HTML, decoded.</summary>
    public static async Task<string> PageAsync(this BrowserSession browser, string page) => WebUtility.HtmlDecode(await browser.Client.GetStringAsync(page));

    /// <summary>Posts the antiforgery-protected form at <paramref name="action"/>, taking the token from <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> PostAsync(this BrowserSession browser, string action, string page = "/creator/subscription",
        IDictionary<string, string>? fields = null) =>
        browser.SubmitFormAsync(page, fields ?? new Dictionary<string, string>(), action);
}
