using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Orders;

/// <summary>
/// Paying an order on the emulator's Checkout and what follows: the success page and the webhook (Hangfire), the
/// order page, the Stripe objects of the destination charge, a forged success link, an expired session.
/// </summary>
public sealed class OrderFulfilmentTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Success_PaidWith4242_OrderPaidWithStripesIdsFeesAndTheDeliveryNote()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        var toStripe = await visitor.BuyAsync(shop);
        var back = await OrderScenarios.PayAsync(toStripe.Headers.Location!);

        var success = await visitor.Client.GetAsync(back);

        success.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        success.Headers.Location!.OriginalString.Should().Be($"/orders/{order.PublicToken}");
        order.Status.Should().Be(OrderStatus.Paid);
        order.BuyerEmail.Should().Be("buyer@example.com", "Checkout collected it");
        var session = await app.Stripe.V1.Checkout.Sessions.GetAsync(order.StripeCheckoutSessionId,
            new Stripe.Checkout.SessionGetOptions { Expand = ["payment_intent.latest_charge.balance_transaction"] });
        var charge = session.PaymentIntent.LatestCharge;
        (order.StripePaymentIntentId, order.StripeChargeId, order.StripeTransferId, order.StripeApplicationFeeId, order.ReceiptUrl)
            .Should().Be((session.PaymentIntentId, charge.Id, charge.TransferId, charge.ApplicationFeeId, charge.ReceiptUrl));
        order.StripeTransferId.Should().StartWith("tr_");
        order.StripeApplicationFeeId.Should().StartWith("fee_");
        order.StripeFeeMinor.Should().Be(charge.BalanceTransaction.Fee).And.BePositive();
        order.PlatformNetMinor.Should().Be(250 - charge.BalanceTransaction.Fee);
        charge.ApplicationFeeAmount.Should().Be(250);
        var transfer = await app.Stripe.V1.Transfers.GetAsync(charge.TransferId);
        (transfer.Amount, transfer.DestinationId).Should().Be((2500L, shop.AccountId));

        var page = await visitor.Client.GetAsync(success.Headers.Location);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.Should().Contain("Thank you: your payment is confirmed.").And.Contain("Paid").And.Contain("€25.00").And.Contain("Poster Shop")
            .And.Contain("https://files.example/poster-a2.pdf").And.Contain(charge.ReceiptUrl);
        page.Headers.CacheControl!.NoStore.Should().BeTrue();
        page.Headers.GetValues("X-Robots-Tag").Single().Should().Contain("noindex");
        html.Should().Contain("<meta name=\"robots\" content=\"noindex, nofollow\" />");
    }

    [Fact]
    public async Task Webhook_PaidWithoutTheSuccessPage_OrderBecomesPaidOnce()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!);

        var order = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CreatorProfileId == shop.CreatorId),
            o => o.Status == OrderStatus.Paid && o.StripeFeeMinor is not null, because: "checkout.session.completed processed by Hangfire");

        order.StripeChargeId.Should().StartWith("ch_");
        order.PaidAt.Should().NotBeNull();
        var processed = await app.EventuallyAsync(db => db.StripeWebhookEvents.Where(e => e.Type == "checkout.session.completed" && e.Payload.Contains(order.StripeCheckoutSessionId!))
            .Select(e => e.Status).ToListAsync(), s => s.Count == 1 && s[0] != Core.Webhooks.WebhookEventStatus.Received, because: "the event is settled");
        processed.Should().Equal(Core.Webhooks.WebhookEventStatus.Processed);
    }

    [Fact]
    public async Task Success_ForgedOrAnotherOrdersSession_NothingChanges()
    {
        using var shop = await app.ShopAsync();
        using var victim = app.Visitor();
        using var attacker = app.Visitor();
        var paidElsewhere = await OrderScenarios.PayAsync((await victim.BuyAsync(shop)).Headers.Location!);
        var victimSession = System.Web.HttpUtility.ParseQueryString(paidElsewhere.Query)["session_id"]!;
        await attacker.BuyAsync(shop);
        var attackerOrder = (await app.OrdersOfAsync(shop.CreatorId)).Single(o => o.StripeCheckoutSessionId != victimSession);

        var answers = new List<HttpResponseMessage>();
        foreach (var sessionId in new[] { victimSession, "cs_test_doesnotexist", "", "not-a-session" })
            answers.Add(await attacker.Client.GetAsync($"/orders/{attackerOrder.PublicToken}/checkout/success?session_id={Uri.EscapeDataString(sessionId)}"));

        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.SeeOther && r.Headers.Location!.OriginalString == $"/orders/{attackerOrder.PublicToken}");
        var page = WebUtility.HtmlDecode(await attacker.Client.GetStringAsync($"/orders/{attackerOrder.PublicToken}"));
        page.Should().Contain("Awaiting payment").And.NotContain("poster-a2.pdf");
        (await app.OrdersOfAsync(shop.CreatorId)).Single(o => o.Id == attackerOrder.Id).Status.Should().Be(OrderStatus.Pending);
        (await attacker.Client.GetAsync($"/orders/{new string('A', 22)}/checkout/success?session_id={victimSession}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Webhook_SessionExpired_OrderExpiredAndNoDeliveryNote()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        await visitor.BuyAsync(shop);
        var pending = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        (await visitor.Client.GetStringAsync($"/orders/{pending.PublicToken}")).Should().Contain("Awaiting payment").And.NotContain("poster-a2.pdf");

        await app.Stripe.V1.Checkout.Sessions.ExpireAsync(pending.StripeCheckoutSessionId);

        var expired = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == pending.Id), o => o.Status == OrderStatus.Expired,
            because: "checkout.session.expired processed");
        expired.ExpiredAt.Should().NotBeNull();
        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/orders/{pending.PublicToken}"));
        html.Should().Contain("Expired (not charged)").And.NotContain("poster-a2.pdf");
        var again = await visitor.BuyAsync(shop);
        again.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        again.Headers.Location!.ToString().Should().NotBe(pending.CheckoutUrl, "an expired order is never reused");
    }

    [Fact]
    public async Task OrderPage_UnknownOrMalformedToken_404()
    {
        using var visitor = app.Visitor();

        var unknown = await visitor.Client.GetAsync($"/orders/{OrderToken.New()}");
        var malformed = await visitor.Client.GetAsync("/orders/1");

        (unknown.StatusCode, malformed.StatusCode).Should().Be((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
    }
}
