using Marketplace.Core.Orders;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary>
/// <see cref="RefundUpdatedHandler"/> and <see cref="RefundFailedHandler"/> (one base, <see cref="RefundEventHandler"/>):
/// the refund is refetched for its charge, and the charge's order recomputed.
/// </summary>
public sealed class RefundEventHandlerTests : HandlerTests
{
    private int _orderId;

    protected override async Task ArrangeAsync() => _orderId = await Harness.AddOrderAsync(CreatorId, "cs_1", "ch_1");

    private static TestEvent Event(string type, string? refundId) => TestEvent.Of(type, refundId, "refund");

    [Fact]
    public async Task HandleAsync_RefundFailed_OrderShowsTheReasonAndCountsNothingRefunded()
    {
        var failed = Refund("re_1", "ch_1", 1000, status: "failed", failureReason: "expired_or_canceled_card");
        Harness.Stripe.FindRefundAsync("re_1", Arg.Any<CancellationToken>()).Returns(failed);
        Harness.Stripe.FindChargeWithRefundsAsync("ch_1", Arg.Any<CancellationToken>()).Returns(Charge("ch_1", amountRefunded: 0, refunds: [failed]));

        var reason = await Harness.HandleAsync<RefundFailedHandler>(Event(StripeEventTypes.RefundFailed, "re_1"));

        reason.Should().BeNull();
        (await Harness.OrderAsync(_orderId)).Should().Match<Order>(o =>
            o.Status == OrderStatus.Paid && o.RefundedMinor == 0 && o.RefundFailureReason == "expired_or_canceled_card");
        (await Harness.EmailsAsync()).Should().BeEmpty("no money went back to the buyer");
    }

    [Fact]
    public async Task HandleAsync_RefundUpdatedToSucceeded_OrderRefundedFromTheCharge()
    {
        var refund = Refund("re_1", "ch_1", 2500);
        Harness.Stripe.FindRefundAsync("re_1", Arg.Any<CancellationToken>()).Returns(refund);
        Harness.Stripe.FindChargeWithRefundsAsync("ch_1", Arg.Any<CancellationToken>()).Returns(Charge("ch_1", amountRefunded: 2500, refunds: [refund]));

        var reason = await Harness.HandleAsync<RefundUpdatedHandler>(Event(StripeEventTypes.RefundUpdated, "re_1"));

        reason.Should().BeNull();
        (await Harness.OrderAsync(_orderId)).Should().Match<Order>(o => o.Status == OrderStatus.Refunded && o.RefundFailureReason == null);
    }

    [Fact]
    public async Task HandleAsync_RefundStripeDoesNotHave_IgnoredWithoutChargeFetch()
    {
        var reason = await Harness.HandleAsync<RefundUpdatedHandler>(Event(StripeEventTypes.RefundUpdated, "re_gone"));

        reason.Should().Be("Stripe has no such refund");
        await Harness.Stripe.DidNotReceiveWithAnyArgs().FindChargeWithRefundsAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_RefundWithoutCharge_Ignored()
    {
        Harness.Stripe.FindRefundAsync("re_1", Arg.Any<CancellationToken>()).Returns(Refund("re_1", chargeId: null, 100));

        var reason = await Harness.HandleAsync<RefundFailedHandler>(Event(StripeEventTypes.RefundFailed, "re_1"));

        reason.Should().Be("event names no charge");
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoRefund_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<RefundFailedHandler>(Event(StripeEventTypes.RefundFailed, null));

        reason.Should().Be("event names no refund");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
