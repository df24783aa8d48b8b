using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Security;

/// <summary>
/// Creator A using creator B's ids in A's own requests: refused, and neither A nor B changes. Covers the routes that
/// take an id today (Checkout's success callback with <c>session_id</c>) and the Connect routes (which take none: an
/// id slipped into the form or query must be ignored).
/// </summary>
public sealed class CrossCreatorTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task CheckoutSuccess_WithAnotherCreatorsSessionId_RefusedAndNeitherChanges()
    {
        var (a, aId) = await EligibleCreatorAsync();
        var (b, bId) = await EligibleCreatorAsync();
        using var _ = a;
        using var __ = b;
        var silver = await app.WithDbAsync(db => db.Plans.Where(p => p.Code == PlanCodes.Silver).Select(p => p.Id).SingleAsync());
        var toStripe = await b.SubmitFormAsync("/creator/subscription/upgrade", new Dictionary<string, string> { ["interval"] = "month" },
            $"/creator/subscription/plan/{silver}/select");
        toStripe.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var bSuccessUrl = await PayAsync(toStripe.Headers.Location!);
        bSuccessUrl.Query.Should().Contain("session_id=cs_");
        var bBefore = await app.EventuallyAsync(db => db.CreatorSubscriptions.AsNoTracking().SingleAsync(s => s.CreatorProfileId == bId),
            s => s.Status == SubscriptionStatus.Active && s.PlanId == silver, because: "B is on Silver through the webhooks");
        var aBefore = await Subscription(aId);

        var response = await a.Client.GetAsync(bSuccessUrl.PathAndQuery);

        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await a.Client.GetStringAsync("/creator/subscription/upgrade")).Should().Contain("This payment session is not yours.");
        (await Subscription(aId)).Should().BeEquivalentTo(aBefore, "A's plan did not change");
        // B's own webhooks (invoice.paid, …) may still land and touch UpdatedAt: the state itself must be the same.
        (await Subscription(bId)).Should().BeEquivalentTo(bBefore, options => options.Excluding(s => s.UpdatedAt)
            .Excluding(s => s.LastStripeEventCreatedAt), "B's plan did not change");
    }

    [Fact]
    public async Task ConnectOnboardAndReturn_WithAnotherCreatorsAccountIdInTheRequest_IgnoredAndBUnchanged()
    {
        var (a, aId) = await EligibleCreatorAsync(withConnectAccount: false);
        var (b, bId) = await EligibleCreatorAsync();
        using var _ = a;
        using var __ = b;
        var bBefore = await app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(s => s.CreatorProfileId == bId));

        var onboard = await a.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["account"] = bBefore.StripeAccountId, ["accountId"] = bBefore.StripeAccountId },
            "/creator/connect/onboard");
        var page = await a.Client.GetStringAsync($"/creator/connect/return?account={bBefore.StripeAccountId}&accountId={bBefore.StripeAccountId}");

        onboard.StatusCode.Should().Be(HttpStatusCode.SeeOther, "A is sent to onboarding for A's own account");
        var aAccount = await app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(s => s.CreatorProfileId == aId));
        aAccount.StripeAccountId.Should().NotBe(bBefore.StripeAccountId);
        aAccount.OnboardingStatus.Should().NotBe(OnboardingStatus.Complete, "A's new account is not B's completed one");
        page.Should().NotContain(bBefore.StripeAccountId);
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(s => s.CreatorProfileId == bId)))
            .Should().BeEquivalentTo(bBefore, options => options.Excluding(s => s.LastSyncedAt).Excluding(s => s.CreatorProfile));
    }

    private Task<CreatorSubscription> Subscription(int creatorId) =>
        app.WithDbAsync(db => db.CreatorSubscriptions.AsNoTracking().SingleAsync(s => s.CreatorProfileId == creatorId));

    /// <summary>A creator signed in through the Identity UI; with a completed Connect account unless told otherwise.</summary>
    private async Task<(BrowserSession Browser, int CreatorId)> EligibleCreatorAsync(bool withConnectAccount = true)
    {
        var browser = app.NewBrowser();
        var email = $"x{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, "Cross");
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        if (!withConnectAccount) return (browser, creatorId);
        var accountId = await app.CreateConnectAccountAsync(creatorId);
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        await app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(s => s.StripeAccountId == accountId),
            s => s.OnboardingStatus == OnboardingStatus.Complete, because: "onboarding complete");
        return (browser, creatorId);
    }

    /// <summary>Pays on the emulator's hosted Checkout page with 4242; returns the success URL Stripe sends the browser to.</summary>
    private static async Task<Uri> PayAsync(Uri checkoutUrl)
    {
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var paid = await stripePage.PostAsync(checkoutUrl, new FormUrlEncodedContent([new("card_number", "4242424242424242"), new("action", "pay")]));
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        return paid.Headers.Location!;
    }
}
