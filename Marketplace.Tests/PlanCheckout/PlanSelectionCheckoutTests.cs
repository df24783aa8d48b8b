using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Stripe.Checkout;
using Plan = Marketplace.Core.Plans.Plan;
using Marketplace.Core.Amounts;

namespace Marketplace.Tests.PlanCheckout;

/// <summary>
/// Choosing a plan through the real pipeline: the app on Kestrel, the emulator's hosted Checkout over HTTP, the
/// success and cancel callbacks, and the webhooks processed by Hangfire.
/// </summary>
public sealed class PlanSelectionCheckoutTests : IClassFixture<LiveMarketplaceFactory>
{
    private readonly LiveMarketplaceFactory _app;

    public PlanSelectionCheckoutTests(LiveMarketplaceFactory app) => _app = app;

    [Fact]
    public async Task Select_SilverYearlyThenPay4242_SuccessPageShowsSilverActiveAndLedgerHasThePayment()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;

        var toStripe = await SelectAsync(browser, PlanCodes.Silver, "year");
        toStripe.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var session = await StoredSessionAsync(toStripe);
        session.Mode.Should().Be("subscription");
        session.ClientReferenceId.Should().Be(creatorId.ToString());
        session.Metadata.Should().ContainKeys("creator_id", "creator_profile_id", "plan_id", "plan_code", "plan_price_id", "stripe_account_id");
        session.Metadata["plan_code"].Should().Be(PlanCodes.Silver);
        session.Metadata["stripe_account_id"].Should().StartWith("acct_");
        session.CustomerId.Should().StartWith("cus_");
        session.SuccessUrl.Should().Contain($"/creator/subscription/plan/{session.Metadata["plan_id"]}/checkout/success?session_id={{CHECKOUT_SESSION_ID}}");

        var back = await PayAsync(toStripe.Headers.Location!, "4242424242424242");
        var success = await browser.Client.GetAsync(back);

        success.Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        var page = await browser.Client.GetStringAsync("/creator/subscription");
        page.Should().Contain("You are now on Silver").And.Contain("Silver (yearly, €190.00)");
        var subscription = await _app.WithDbAsync(db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId));
        subscription.Status.Should().Be(SubscriptionStatus.Active);
        await _app.EventuallyAsync(db => db.Payments.CountAsync(p => p.CreatorProfileId == creatorId && p.Status == PaymentStatus.Paid), n => n == 1, because: "invoice.paid in the ledger");
    }

    [Fact]
    public async Task Select_DeclinedCardThen4242_FirstRefusedOnCheckoutThenActive()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;
        var toStripe = await SelectAsync(browser, PlanCodes.Bronze, "month");
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var declined = await stripePage.PostAsync(toStripe.Headers.Location, new FormUrlEncodedContent([new("card_number", "4000000000000002"), new("action", "pay")]));

        ((int)declined.StatusCode).Should().NotBe(303);
        (await declined.Content.ReadAsStringAsync()).Should().Contain("declined");
        var back = await PayAsync(toStripe.Headers.Location!, "4242424242424242");
        (await browser.Client.GetAsync(back)).Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        (await PlanCodeAsync(creatorId)).Should().Be(PlanCodes.Bronze);
    }

    [Fact]
    public async Task Cancel_FromCheckout_NothingChanges()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;
        var toStripe = await SelectAsync(browser, PlanCodes.Gold, "month");
        var session = await StoredSessionAsync(toStripe);

        var cancelled = await browser.Client.GetAsync(session.CancelUrl);

        cancelled.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await browser.Client.GetStringAsync("/creator/subscription/upgrade")).Should().Contain("Checkout was cancelled");
        (await PlanCodeAsync(creatorId)).Should().Be(PlanCodes.Free);
    }

    [Fact]
    public async Task Success_ForgedSessionIds_ApplyNothing()
    {
        var (victim, victimId) = await EligibleCreatorAsync();
        var (attacker, attackerId) = await EligibleCreatorAsync();
        using var _ = victim;
        using var __ = attacker;
        var victimSession = await StoredSessionAsync(await SelectAsync(victim, PlanCodes.Silver, "month"));
        await PayAsync(new Uri(victimSession.Url), "4242424242424242");
        var attackerOpen = await StoredSessionAsync(await SelectAsync(attacker, PlanCodes.Gold, "month"));
        var silverId = victimSession.Metadata["plan_id"];
        var goldId = attackerOpen.Metadata["plan_id"];

        var stolen = await attacker.Client.GetAsync($"/creator/subscription/plan/{silverId}/checkout/success?session_id={victimSession.Id}");
        var unpaid = await attacker.Client.GetAsync($"/creator/subscription/plan/{goldId}/checkout/success?session_id={attackerOpen.Id}");
        var otherPlan = await attacker.Client.GetAsync($"/creator/subscription/plan/{silverId}/checkout/success?session_id={attackerOpen.Id}");
        var missing = await attacker.Client.GetAsync($"/creator/subscription/plan/{goldId}/checkout/success");
        var unknown = await attacker.Client.GetAsync($"/creator/subscription/plan/{goldId}/checkout/success?session_id=cs_test_doesnotexist");

        foreach (var response in new[] { stolen, unpaid, otherPlan, missing, unknown })
            response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await PlanCodeAsync(attackerId)).Should().Be(PlanCodes.Free);
        await _app.EventuallyAsync(db => db.CreatorSubscriptions.Where(s => s.CreatorProfileId == victimId).Select(s => s.Plan!.Code).SingleAsync(),
            code => code == PlanCodes.Silver, because: "the victim's own payment still applies through the webhook");
    }

    [Fact]
    public async Task Select_TenConcurrentClicks_OneCheckoutSession()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var __ = browser;
        var since = DateTimeOffset.UtcNow;
        var page = await browser.Client.GetStringAsync("/creator/subscription/upgrade");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var planId = await PlanIdAsync(PlanCodes.Platinium);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => browser.Client.PostAsync($"/creator/subscription/plan/{planId}/select",
            new FormUrlEncodedContent([new("interval", "month"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.SeeOther);
        responses.Select(r => r.Headers.Location!.ToString()).Distinct().Should().ContainSingle();
        var sessions = new List<Session>();
        await foreach (var session in _app.Stripe.V1.Checkout.Sessions.ListAutoPagingAsync(new SessionListOptions { Limit = 100 }))
            if (session.ClientReferenceId == creatorId.ToString()) sessions.Add(session);
        sessions.Should().ContainSingle("Stripe holds one Checkout Session for the ten clicks");
        StripeCallsSince(since).Where(r => r is { Method: "POST", Path: "/v1/checkout/sessions" }).Select(r => r.IdempotencyKey).Distinct()
            .Should().ContainSingle("every create call the clicks made carries the same idempotency key");
    }

    [Fact]
    public async Task Select_CreatorNotOnboarded_RefusedWithWhatToFixAndNoStripeObject()
    {
        using var browser = _app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, "Not onboarded");
        var creatorId = await CreatorIdAsync(email);

        var response = await SelectAsync(browser, PlanCodes.Silver, "month");

        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await browser.Client.GetStringAsync("/creator/subscription/upgrade")).Should().Contain("Before choosing a paid plan");
        var sessions = await _app.Stripe.V1.Checkout.Sessions.ListAsync(new SessionListOptions { Limit = 100 });
        sessions.Data.Should().NotContain(s => s.ClientReferenceId == creatorId.ToString());
        (await _app.WithDbAsync(db => db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId))).StripeCustomerId.Should().BeNull();
    }

    [Fact]
    public async Task Select_FreePlanWhileOnFree_StaysFreeWithoutAnyStripeCall()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;
        var since = DateTimeOffset.UtcNow;

        var response = await SelectAsync(browser, PlanCodes.Free, "month");
        var calls = StripeCallsSince(since);

        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        (await browser.Client.GetStringAsync("/creator/subscription")).Should().Contain("You are on the Free plan.");
        (await PlanCodeAsync(creatorId)).Should().Be(PlanCodes.Free);
        (await _app.WithDbAsync(db => db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId))).StripeCustomerId.Should().BeNull();
        calls.Should().NotContain(r => r.Method != "GET", "choosing Free while on Free creates or changes nothing in Stripe (GETs are webhook jobs' refetches)");
        calls.Should().NotContain(r => r.Parameters.Any(p => p.Key.Contains("creator", StringComparison.Ordinal) && p.Value == creatorId.ToString()), "no call names the creator");
    }

    [Fact]
    public async Task Select_InactivePlan_BackToThePlansWithAnError()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;
        var plan = await _app.WithDbAsync(async db =>
        {
            var retired = new Plan("RETIRED" + creatorId, "Retired", "No longer sold.", 90, 0, new PlanCapabilities(1, 1000));
            retired.AddPrice(PlanInterval.Month, 500, "eur");
            retired.Deactivate();
            db.Plans.Add(retired);
            await db.SaveChangesAsync();
            return retired;
        });

        var response = await browser.SubmitFormAsync("/creator/subscription/upgrade", new Dictionary<string, string> { ["interval"] = "month" },
            $"/creator/subscription/plan/{plan.Id}/select");

        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await browser.Client.GetStringAsync("/creator/subscription/upgrade")).Should().Contain("This plan is not available.");
        (await PlanCodeAsync(creatorId)).Should().Be(PlanCodes.Free);
    }

    [Fact]
    public async Task Select_AnotherPaidPlanWhileSubscribed_SentToChangePlanNotASecondSubscription()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;
        await browser.Client.GetAsync(await PayAsync((await SelectAsync(browser, PlanCodes.Silver, "month")).Headers.Location!, "4242424242424242"));
        (await PlanCodeAsync(creatorId)).Should().Be(PlanCodes.Silver);

        var response = await SelectAsync(browser, PlanCodes.Gold, "month");

        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        (await browser.Client.GetStringAsync("/creator/subscription/upgrade")).Should().Contain("You already subscribe to Silver");
        var sessions = await _app.Stripe.V1.Checkout.Sessions.ListAsync(new SessionListOptions { Limit = 100 });
        sessions.Data.Count(s => s.ClientReferenceId == creatorId.ToString()).Should().Be(1);
    }

    [Fact]
    public async Task Select_XafPlanAndPay_StripeAndLedgerHoldWholeFrancs()
    {
        var (browser, creatorId) = await EligibleCreatorAsync();
        using var _ = browser;
        var code = "SAHEL" + creatorId;
        await _app.WithDbAsync(async db =>
        {
            var sahel = new Plan(code, "Sahel", "Paid in CFA francs.", 70, 0, new PlanCapabilities(20, 900));
            sahel.AddPrice(PlanInterval.Month, Money.ToMinor(5000m, "xaf"), "xaf");
            db.Plans.Add(sahel);
            return await db.SaveChangesAsync();
        });

        var toStripe = await SelectAsync(browser, code, "month");
        await browser.Client.GetAsync(await PayAsync(toStripe.Headers.Location!, "4242424242424242"));

        var session = await StoredSessionAsync(toStripe);
        session.AmountTotal.Should().Be(5000);
        session.Currency.Should().Be("xaf");
        var payment = await _app.EventuallyAsync(db => db.Payments.SingleOrDefaultAsync(p => p.CreatorProfileId == creatorId), p => p is not null, because: "ledger row");
        (payment!.AmountMinor, payment.Currency).Should().Be((5000L, "xaf"));
        Money.Format(payment.AmountMinor, payment.Currency).Should().Be("FCFA\u00A05,000");
    }

    private async Task<(BrowserSession Browser, int CreatorId)> EligibleCreatorAsync()
    {
        var browser = _app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, "Creator");
        var creatorId = await CreatorIdAsync(email);
        var accountId = await _app.CreateConnectAccountAsync(creatorId);
        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "enabled");
        await _app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId),
            a => a.OnboardingStatus == OnboardingStatus.Complete, because: "onboarding complete");
        return (browser, creatorId);
    }

    private async Task<HttpResponseMessage> SelectAsync(BrowserSession browser, string planCode, string interval)
    {
        var planId = await PlanIdAsync(planCode);
        return await browser.SubmitFormAsync("/creator/subscription/upgrade", new Dictionary<string, string> { ["interval"] = interval },
            $"/creator/subscription/plan/{planId}/select");
    }

    private async Task<Uri> PayAsync(Uri checkoutUrl, string card)
    {
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var paid = await stripePage.PostAsync(checkoutUrl, new FormUrlEncodedContent([new("card_number", card), new("action", "pay")]));
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        return paid.Headers.Location!;
    }

    private async Task<Session> StoredSessionAsync(HttpResponseMessage toStripe)
    {
        var id = toStripe.Headers.Location!.Segments.Last();
        var sessions = await _app.Stripe.V1.Checkout.Sessions.ListAsync(new SessionListOptions { Limit = 100 });
        return sessions.Data.Single(s => s.Url == toStripe.Headers.Location!.ToString() || s.Id == id);
    }

    private Task<int> PlanIdAsync(string code) => _app.WithDbAsync(db => db.Plans.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private Task<int> CreatorIdAsync(string email) =>
        _app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());

    private Task<string?> PlanCodeAsync(int creatorId) =>
        _app.WithDbAsync(db => db.CreatorSubscriptions.Where(s => s.CreatorProfileId == creatorId).Select(s => s.Plan!.Code).SingleOrDefaultAsync());

    /// <summary>The app's calls to the emulator answered since <paramref name="since"/> (the emulator's request log).</summary>
    private List<Marketplace.StripeEmulator.Api.EmulatorRequest> StripeCallsSince(DateTimeOffset since) =>
        [.. _app.Emulator.GetRequests(_app.ApiKey).Where(r => r.At >= since)];
}
