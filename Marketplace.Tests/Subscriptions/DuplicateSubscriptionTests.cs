using System.Net;
using Marketplace.Core.Plans;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.Subscriptions;

/// <summary>
/// Issue 16, item 2: two open Checkout pages must never give a creator two live Stripe subscriptions. Through the real
/// pipeline: the app on Kestrel, the emulator's hosted Checkout, its webhooks processed by Hangfire.
/// </summary>
public sealed class DuplicateSubscriptionTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task Select_SilverThenGoldInTwoTabsAndPayBoth_OneLiveSubscriptionInStripe()
    {
        var (browser, creatorId) = await app.EligibleCreatorAsync();
        using var _ = browser;
        var silverTab = await SelectAsync(browser, PlanCodes.Silver);
        var goldTab = await SelectAsync(browser, PlanCodes.Gold);

        var silverPaid = await PayAsync(silverTab);
        var goldPaid = await PayAsync(goldTab);
        (await browser.Client.GetAsync(goldPaid.Headers.Location)).Headers.Location!.OriginalString.Should().Be("/creator/subscription");

        silverPaid.StatusCode.Should().Be(HttpStatusCode.Gone, "the Silver session was expired when Gold was chosen");
        goldPaid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var customerId = (await app.RowAsync(creatorId)).StripeCustomerId!;
        var live = await LiveSubscriptionsAsync(customerId);
        live.Should().ContainSingle().Which.Items.Data.Single().Price.UnitAmount.Should().Be(4900);
        (await app.RowAsync(creatorId)).Plan!.Code.Should().Be(PlanCodes.Gold);
    }

    [Fact]
    public async Task Select_SilverGoldThenSilverAgain_TheThirdPageCanBePaid()
    {
        var (browser, creatorId) = await app.EligibleCreatorAsync();
        using var _ = browser;
        var firstSilver = await SelectAsync(browser, PlanCodes.Silver);
        await SelectAsync(browser, PlanCodes.Gold);
        var silverAgain = await SelectAsync(browser, PlanCodes.Silver);

        var paid = await PayAsync(silverAgain);

        silverAgain.Headers.Location.Should().NotBe(firstSilver.Headers.Location, "the first Silver session is expired: a replay of it could not be paid");
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await browser.Client.GetAsync(paid.Headers.Location)).Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        (await LiveSubscriptionsAsync((await app.RowAsync(creatorId)).StripeCustomerId!)).Should().ContainSingle();
    }

    [Fact]
    public async Task SubscriptionCreated_CreatorAlreadySubscribed_NewerCanceledAtOnceOlderKeptAndShownToTheAdmin()
    {
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        var row = await app.RowAsync(creatorId);
        var silverId = row.StripeSubscriptionId!;

        var goldId = await app.PaySubscriptionAroundTheAppAsync(creatorId, row.StripeCustomerId!, PlanCodes.Gold);

        var gold = await EventuallyStripeAsync(() => app.Stripe.V1.Subscriptions.GetAsync(goldId), s => s.Status == "canceled", "the duplicate is canceled");
        gold.CancellationDetails.Comment.Should().Contain(silverId);
        (await app.Stripe.V1.Subscriptions.GetAsync(silverId)).Status.Should().Be("active");
        (await LiveSubscriptionsAsync(row.StripeCustomerId!)).Select(s => s.Id).Should().Equal(silverId);
        var noted = await app.EventuallyAsync(db => db.StripeWebhookEvents.AsNoTracking()
                .Where(e => e.Status == WebhookEventStatus.Processed && e.LastError != null && e.LastError.Contains(goldId)).ToListAsync(),
            rows => rows.Count > 0, because: "the inbox row that canceled it carries the note");
        noted.Single().LastError.Should().Contain($"Duplicate subscription {goldId} of creator {creatorId} canceled at once ({silverId} kept)");
        // The refund of the duplicate's invoice payment is a real charge's refund since the emulator charges subscription
        // invoices: its charge.refunded / refund.updated are no order's and settle Ignored, as with Stripe.
        await app.EventuallyAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Payload.Contains(goldId) && e.Status != WebhookEventStatus.Processed
                && !(e.Status == WebhookEventStatus.Ignored && (e.Type == "charge.refunded" || e.Type == "refund.updated"))),
            n => n == 0, because: "every event of the duplicate settles Processed (its refund's charge events Ignored)");
        (await app.RowAsync(creatorId)).StripeSubscriptionId.Should().Be(silverId);
        (await app.RowAsync(creatorId)).Plan!.Code.Should().Be(PlanCodes.Silver);
        using var admin = app.NewBrowser();
        await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);
        (await admin.PageAsync($"/admin/webhooks/{noted.Single().Id}")).Should().Contain($"Duplicate subscription {goldId}");
    }

    private async Task<List<Subscription>> LiveSubscriptionsAsync(string customerId) =>
        [.. (await app.Stripe.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = customerId })).Data.Where(s => s.Status != "canceled")];

    private async Task<HttpResponseMessage> SelectAsync(BrowserSession browser, string planCode)
    {
        var planId = await app.PlanIdAsync(planCode);
        var response = await browser.SubmitFormAsync("/creator/subscription/upgrade", new Dictionary<string, string> { ["interval"] = "month" },
            $"/creator/subscription/plan/{planId}/select");
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.Should().StartWith("/c/pay/");
        return response;
    }

    private static Task<HttpResponseMessage> PayAsync(HttpResponseMessage toStripe) => PayAsync(toStripe.Headers.Location!);

    private static async Task<HttpResponseMessage> PayAsync(Uri checkoutUrl)
    {
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        return await stripePage.PostAsync(checkoutUrl, new FormUrlEncodedContent([new("card_number", "4242424242424242"), new("action", "pay")]));
    }

    private async Task<T> EventuallyStripeAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in 30 s: {because}. Last value: {value}\n{await app.DiagnosticsAsync()}");
            await Task.Delay(100);
        }
    }
}
