using System.Net;
using System.Text.Json;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Marketplace.Core.Amounts;

namespace Marketplace.Tests.Subscriptions;

/// <summary>
/// A subscribed creator managing their subscription through the real pipeline: the app on Kestrel, Stripe.net against
/// the emulator, its hosted portal over HTTP, and webhooks processed by Hangfire.
/// </summary>
public sealed class SubscriptionSelfServiceTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task CancelThenResume_PageAndStripeAgreeAtOnce()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        var subscriptionId = (await app.RowAsync(creatorId)).StripeSubscriptionId!;

        var cancelled = await browser.PostAsync("/creator/subscription/cancel");
        var cancelledPage = await browser.PageAsync("/creator/subscription");
        var inStripeAfterCancel = await app.Stripe.V1.Subscriptions.GetAsync(subscriptionId);
        var resumed = await browser.PostAsync("/creator/subscription/resume");
        var resumedPage = await browser.PageAsync("/creator/subscription");
        var inStripeAfterResume = await app.Stripe.V1.Subscriptions.GetAsync(subscriptionId);

        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        inStripeAfterCancel.CancelAtPeriodEnd.Should().BeTrue();
        var end = inStripeAfterCancel.Items.Data[0].CurrentPeriodEnd.ToString("yyyy-MM-dd");
        cancelledPage.Should().Contain($"data-testid=\"status\">Cancels on {end}<").And.Contain("Resume subscription");
        resumed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        inStripeAfterResume.CancelAtPeriodEnd.Should().BeFalse();
        resumedPage.Should().Contain("data-testid=\"status\">Active<").And.Contain("Your subscription is resumed");
        await app.EventuallyAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Type == "customer.subscription.updated" && e.Status == Core.Webhooks.WebhookEventStatus.Processed
            && e.Payload.Contains(subscriptionId)), n => n >= 2, because: "both webhooks confirmed");
        (await app.RowAsync(creatorId)).CancelAtPeriodEnd.Should().BeFalse("the webhooks confirm Stripe's last state");
    }

    [Fact]
    public async Task Cancel_DoubleClick_OneStripeChangeAndTheSameOutcome()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Bronze);
        using var _ = browser;
        var page = await browser.Client.GetStringAsync("/creator/subscription");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            browser.Client.PostAsync("/creator/subscription/cancel", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/creator/subscription");
        var row = await app.RowAsync(creatorId);
        row.CancelAtPeriodEnd.Should().BeTrue();
        var events = await app.Stripe.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.updated", Limit = 100 });
        events.Data.Count(e => ((Subscription)e.Data.Object).Id == row.StripeSubscriptionId).Should().Be(1);
    }

    [Fact]
    public async Task Portal_CancelAndSwitchOnStripe_ComeBackThroughTheWebhookAndShowOnThePage()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        var goldPrice = await app.StripePriceIdAsync(PlanCodes.Gold, PlanInterval.Month);
        var subscriptionId = (await app.RowAsync(creatorId)).StripeSubscriptionId!;

        var toPortal = await browser.PostAsync("/creator/subscription/portal");
        toPortal.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var portalUrl = toPortal.Headers.Location!;
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        (await stripePage.GetStringAsync(portalUrl)).Should().Contain(subscriptionId);
        (await stripePage.PostAsync(portalUrl, new FormUrlEncodedContent([new("action", "switch"), new("subscription", subscriptionId), new("price", goldPrice)]))).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await stripePage.PostAsync(portalUrl, new FormUrlEncodedContent([new("action", "cancel"), new("subscription", subscriptionId)]))).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var back = await stripePage.PostAsync(portalUrl, new FormUrlEncodedContent([new("action", "return")]));

        back.Headers.Location!.ToString().Should().Be(new Uri(app.AppUrl, "/creator/subscription").ToString());
        var row = await app.EventuallyAsync(db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Plan!.Code == PlanCodes.Gold && s.CancelAtPeriodEnd, because: "the portal's switch and cancel through the webhook");
        var page = await browser.PageAsync("/creator/subscription");
        page.Should().Contain("data-testid=\"plan\">Gold (monthly, €49.00)<")
            .And.Contain($"data-testid=\"status\">Cancels on {row.CurrentPeriodEnd:yyyy-MM-dd}<");
    }

    [Fact]
    public async Task ChangePlan_SilverToGold_ConfirmShowsPriceAndNowThenUpgradesAtOnceWithAProratedInvoice()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        var goldId = await app.PlanIdAsync(PlanCodes.Gold);

        var confirm = await browser.PageAsync($"/creator/subscription/plan/{goldId}/change?interval=month");
        var changed = await browser.PostAsync($"/creator/subscription/plan/{goldId}/change", $"/creator/subscription/plan/{goldId}/change?interval=month",
            new Dictionary<string, string> { ["interval"] = "month" });
        var page = await browser.PageAsync("/creator/subscription");

        confirm.Should().Contain("data-testid=\"new-price\">Gold — €49.00 per month<").And.Contain("data-testid=\"applies\">now<")
            .And.Contain("Stripe invoices the difference for the rest of this period now");
        changed.Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        page.Should().Contain("data-testid=\"plan\">Gold (monthly, €49.00)<").And.Contain("You are now on Gold");
        var row = await app.RowAsync(creatorId);
        var subscription = await app.Stripe.V1.Subscriptions.GetAsync(row.StripeSubscriptionId);
        var invoice = await app.Stripe.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        invoice.BillingReason.Should().Be("subscription_update");
        invoice.Status.Should().Be("paid");
        invoice.AmountPaid.Should().BeInRange(2800, 3000, "the €30.00 difference for (almost) the whole period");
        invoice.Lines.Data.Should().OnlyContain(l => l.Parent.SubscriptionItemDetails.Proration);
        await app.EventuallyAsync(db => db.Payments.SingleOrDefaultAsync(p => p.StripeInvoiceId == invoice.Id), p => p?.Status == PaymentStatus.Paid,
            because: "the prorated invoice reaches the ledger through invoice.paid");
        (await browser.PageAsync("/creator/subscription")).Should().Contain(Money.Format(invoice.AmountPaid, "eur"));
    }

    [Fact]
    public async Task ChangePlan_SilverMonthlyToYearlyFromThePlansPage_NewPeriodStartsNowAndIsInvoicedAtOnce()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        var silverId = await app.PlanIdAsync(PlanCodes.Silver);
        var before = await app.RowAsync(creatorId);

        var plans = await browser.PageAsync("/creator/subscription/upgrade");
        var confirm = await browser.PageAsync($"/creator/subscription/plan/{silverId}/change?interval=year");
        await browser.PostAsync($"/creator/subscription/plan/{silverId}/change", $"/creator/subscription/plan/{silverId}/change?interval=year",
            new Dictionary<string, string> { ["interval"] = "year" });

        plans.Should().Contain($"action=\"/creator/subscription/plan/{silverId}/change\"").And.Contain("data-testid=\"change-SILVER-year\"")
            .And.NotContain("data-testid=\"select-GOLD-month\"", "a subscriber changes plan, never opens a second Checkout");
        confirm.Should().Contain("a new billing period starts today");
        var after = await app.RowAsync(creatorId);
        after.PlanPrice!.Interval.Should().Be(PlanInterval.Year);
        after.CurrentPeriodEnd.Should().BeAfter(before.CurrentPeriodEnd!.Value.AddMonths(6));
        var invoice = await app.Stripe.V1.Invoices.GetAsync((await app.Stripe.V1.Subscriptions.GetAsync(after.StripeSubscriptionId)).LatestInvoiceId);
        invoice.BillingReason.Should().Be("subscription_update");
        invoice.AmountPaid.Should().BeInRange(19000 - 1900, 19000 - 1800, "a year of Silver less the unused month");
        (await browser.PageAsync("/creator/subscription")).Should().Contain("data-testid=\"plan\">Silver (yearly, €190.00)<");
    }

    [Fact]
    public async Task ChangePlan_GoldToSilver_SwapsNowWithoutChargingAndCreditsTheNextInvoice()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Platinium);
        using var _ = browser;
        var before = await app.RowAsync(creatorId);
        var latestBefore = (await app.Stripe.V1.Subscriptions.GetAsync(before.StripeSubscriptionId)).LatestInvoiceId;
        var silverId = await app.PlanIdAsync(PlanCodes.Silver);

        var confirm = await browser.PageAsync($"/creator/subscription/plan/{silverId}/change?interval=month");
        await browser.PostAsync($"/creator/subscription/plan/{silverId}/change", $"/creator/subscription/plan/{silverId}/change?interval=month",
            new Dictionary<string, string> { ["interval"] = "month" });

        confirm.Should().Contain("is credited on your next invoice");
        (await app.RowAsync(creatorId)).Plan!.Code.Should().Be(PlanCodes.Silver);
        var after = await app.Stripe.V1.Subscriptions.GetAsync(before.StripeSubscriptionId);
        after.LatestInvoiceId.Should().Be(latestBefore, "create_prorations invoices nothing now");
        after.Items.Data[0].Price.Id.Should().Be(await app.StripePriceIdAsync(PlanCodes.Silver, PlanInterval.Month));
    }

    [Fact]
    public async Task ChangePlan_AccountRestricted_RefusedByTheGuardAndStripeUntouched()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        var accountId = await app.WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorId).Select(a => a.StripeAccountId).SingleAsync());
        app.Emulator.SetAccountState(app.ApiKey, accountId, "restricted", "requirements.past_due");
        await app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId), a => !a.ChargesEnabled, because: "account.updated");
        var goldId = await app.PlanIdAsync(PlanCodes.Gold);

        var response = await browser.PostAsync($"/creator/subscription/plan/{goldId}/change", "/creator/subscription",
            new Dictionary<string, string> { ["interval"] = "month" });

        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await browser.PageAsync("/creator/subscription/upgrade")).Should().Contain("Before changing to a paid plan");
        var row = await app.RowAsync(creatorId);
        row.Plan!.Code.Should().Be(PlanCodes.Silver);
        (await app.Stripe.V1.Subscriptions.GetAsync(row.StripeSubscriptionId)).Items.Data[0].Price.Id
            .Should().Be(await app.StripePriceIdAsync(PlanCodes.Silver, PlanInterval.Month));
    }

    [Fact]
    public async Task Trial_GoldTwice_TrialOnTheFirstPaidSubscriptionOnly()
    {
        var (browser, creatorId) = await app.EligibleCreatorAsync();
        using var _ = browser;
        await app.SubscribeAsync(browser, creatorId, PlanCodes.Gold);
        var first = await app.RowAsync(creatorId);
        var trialPage = await browser.PageAsync("/creator/subscription");
        await app.Stripe.V1.Subscriptions.CancelAsync(first.StripeSubscriptionId); // canceled at once, e.g. from Stripe's Dashboard
        await app.EventuallyAsync(db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Plan!.Code == PlanCodes.Free, because: "customer.subscription.deleted puts the creator on Free");

        await app.SubscribeAsync(browser, creatorId, PlanCodes.Gold);

        first.Status.Should().Be(SubscriptionStatus.Trialing);
        first.TrialEnd.Should().NotBeNull();
        trialPage.Should().Contain($"data-testid=\"status\">Trialing until {first.TrialEnd:yyyy-MM-dd}<");
        var second = await app.RowAsync(creatorId);
        second.StripeSubscriptionId.Should().NotBe(first.StripeSubscriptionId);
        second.Status.Should().Be(SubscriptionStatus.Active);
        second.TrialEnd.Should().BeNull();
        second.TrialConsumedAt.Should().NotBeNull();
        (await app.Stripe.V1.Subscriptions.GetAsync(second.StripeSubscriptionId)).TrialEnd.Should().BeNull();
    }

    [Fact]
    public async Task BillingMe_SubscribedCreator_MatchesTheSubscriptionPage()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver, "year");
        using var _ = browser;
        await browser.PostAsync("/creator/subscription/cancel");

        var json = JsonDocument.Parse(await browser.Client.GetStringAsync("/api/billing/me")).RootElement;
        var page = await browser.PageAsync("/creator/subscription");

        var row = await app.RowAsync(creatorId);
        json.GetProperty("plan").GetString().Should().Be(PlanCodes.Silver);
        json.GetProperty("interval").GetString().Should().Be("year");
        json.GetProperty("status").GetString().Should().Be("active");
        json.GetProperty("cancelAtPeriodEnd").GetBoolean().Should().BeTrue();
        json.GetProperty("currentPeriodEnd").GetDateTime().Should().Be(row.CurrentPeriodEnd!.Value);
        json.GetProperty("trialEnd").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("limits").GetProperty("listings").GetInt32().Should().Be(50);
        json.GetProperty("limits").GetProperty("commissionRateBps").GetInt32().Should().Be(1000);
        json.GetProperty("usage").GetProperty("listings").GetInt32().Should().Be(0);
        page.Should().Contain("data-testid=\"plan\">Silver (yearly, €190.00)<")
            .And.Contain($"data-testid=\"status\">Cancels on {json.GetProperty("currentPeriodEnd").GetDateTime():yyyy-MM-dd}<")
            .And.Contain("data-testid=\"listings-usage\">0 of 50<");
    }

    [Fact]
    public async Task Actions_AnotherCreator_NeverTouchesTheFirstCreatorsSubscription()
    {
        var (owner, ownerId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        var (other, _) = await app.EligibleCreatorAsync("Other");
        using var __ = owner;
        using var ___ = other;
        var goldId = await app.PlanIdAsync(PlanCodes.Gold);

        var cancel = await other.PostAsync("/creator/subscription/cancel");
        var change = await other.PostAsync($"/creator/subscription/plan/{goldId}/change", "/creator/subscription", new Dictionary<string, string> { ["interval"] = "month" });
        var portal = await other.PostAsync("/creator/subscription/portal");
        var otherPage = await other.PageAsync("/creator/subscription");

        cancel.Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        change.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        portal.StatusCode.Should().Be(HttpStatusCode.Redirect, "no Customer of their own: no portal, and never someone else's");
        otherPage.Should().Contain("data-testid=\"plan\">Free<");
        var row = await app.RowAsync(ownerId);
        row.Plan!.Code.Should().Be(PlanCodes.Silver);
        row.CancelAtPeriodEnd.Should().BeFalse();
        (await app.Stripe.V1.Subscriptions.GetAsync(row.StripeSubscriptionId)).CancelAtPeriodEnd.Should().BeFalse();
    }

    [Fact]
    public async Task Actions_Anonymous_LoginRedirectAndApi401()
    {
        using var browser = app.NewBrowser();

        var page = await browser.Client.PostAsync("/creator/subscription/cancel", new FormUrlEncodedContent([]));
        var api = await browser.Client.GetAsync("/api/billing/me");

        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
