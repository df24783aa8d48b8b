using Marketplace.Core.Orders;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary><see cref="CheckoutSessionExpiredHandler"/>: a Pending order of an expired session becomes Expired; a Paid one stays Paid.</summary>
public sealed class CheckoutSessionExpiredHandlerTests : HandlerTests
{
    private static TestEvent Expired(string? sessionId, string? mode = "payment") =>
        TestEvent.Of(StripeEventTypes.CheckoutSessionExpired, sessionId, "checkout.session",
            fields: mode is null ? null : new Dictionary<string, object?> { ["mode"] = mode });

    [Fact]
    public async Task HandleAsync_PendingOrdersSessionExpired_OrderExpired()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_order", chargeId: null);
        Harness.Stripe.FindCheckoutSessionWithPaymentAsync("cs_order", Arg.Any<CancellationToken>())
            .Returns(OrderSession("cs_order", orderId, status: "expired", paymentStatus: "unpaid"));

        var reason = await Harness.HandleAsync<CheckoutSessionExpiredHandler>(Expired("cs_order"));

        reason.Should().BeNull();
        (await Harness.OrderAsync(orderId)).Should().Match<Order>(o => o.Status == OrderStatus.Expired && o.ExpiredAt != null);
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_StripeSaysTheSessionWasPaidAfterAll_OrderStaysPaid()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_order", chargeId: "ch_1");
        Harness.Stripe.FindCheckoutSessionWithPaymentAsync("cs_order", Arg.Any<CancellationToken>()).Returns(OrderSession("cs_order", orderId, chargeId: "ch_1"));

        var reason = await Harness.HandleAsync<CheckoutSessionExpiredHandler>(Expired("cs_order"));

        reason.Should().BeNull();
        (await Harness.OrderAsync(orderId)).Status.Should().Be(OrderStatus.Paid);
        (await Harness.EmailsAsync()).Should().BeEmpty("the order was Paid before: no second receipt");
    }

    [Fact]
    public async Task HandleAsync_SubscriptionModeSession_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<CheckoutSessionExpiredHandler>(Expired("cs_sub", "subscription"));

        reason.Should().Be("session mode is subscription");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_PayloadWithoutMode_SessionRefetchedAsAnOrdersSession()
    {
        var reason = await Harness.HandleAsync<CheckoutSessionExpiredHandler>(Expired("cs_unknown", mode: null));

        reason.Should().Be("Stripe has no such session");
        await Harness.Stripe.Received(1).FindCheckoutSessionWithPaymentAsync("cs_unknown", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoSession_Ignored()
    {
        var reason = await Harness.HandleAsync<CheckoutSessionExpiredHandler>(Expired(null));

        reason.Should().Be("event names no session");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
