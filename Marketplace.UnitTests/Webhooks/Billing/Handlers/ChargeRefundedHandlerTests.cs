using Marketplace.Core.Emails;
using Marketplace.Core.Orders;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary><see cref="ChargeRefundedHandler"/>: the charge is refetched with its refunds and the order recomputed from Stripe's totals.</summary>
public sealed class ChargeRefundedHandlerTests : HandlerTests
{
    private static TestEvent Refunded(string? chargeId) => TestEvent.Of(StripeEventTypes.ChargeRefunded, chargeId, "charge");

    private void StripeHolds(Charge charge) => Harness.Stripe.FindChargeWithRefundsAsync(charge.Id, Arg.Any<CancellationToken>()).Returns(charge);

    [Fact]
    public async Task HandleAsync_PartialRefund_OrderPartiallyRefundedWithStripesTotalsAndOneBuyerEmail()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_1", "ch_1");
        StripeHolds(Charge("ch_1", amountRefunded: 1000, transferReversed: 900, feeRefunded: 100, refunds: [Refund("re_1", "ch_1", 1000)]));

        var reason = await Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_1"));

        reason.Should().BeNull();
        var order = await Harness.OrderAsync(orderId);
        (order.Status, order.RefundedMinor, order.TransferReversedMinor, order.ApplicationFeeRefundedMinor)
            .Should().Be((OrderStatus.PartiallyRefunded, 1000L, 900L, 100L));
        var email = (await Harness.EmailsAsync()).Should().ContainSingle().Which;
        (email.Kind, email.Key, email.To).Should().Be((EmailKinds.RefundIssued, "re_1", "buyer@example.com"));
    }

    [Fact]
    public async Task HandleAsync_SameRefundDeliveredTwice_OneRefundEmail()
    {
        await Harness.AddOrderAsync(CreatorId, "cs_1", "ch_1");
        StripeHolds(Charge("ch_1", amountRefunded: 2500, refunds: [Refund("re_1", "ch_1", 2500)]));

        await Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_1"));
        await Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_1"));

        (await Harness.EmailsAsync()).Should().ContainSingle(e => e.Kind == EmailKinds.RefundIssued);
    }

    [Fact]
    public async Task HandleAsync_FullRefund_OrderRefunded()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_1", "ch_1");
        StripeHolds(Charge("ch_1", amountRefunded: 2500, refunds: [Refund("re_1", "ch_1", 2500)]));

        await Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_1"));

        (await Harness.OrderAsync(orderId)).Status.Should().Be(OrderStatus.Refunded);
    }

    [Fact]
    public async Task HandleAsync_ChargeOfNoOrder_IgnoredAsNotOurs()
    {
        StripeHolds(Charge("ch_stranger"));

        var reason = await Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_stranger"));

        reason.Should().Be("charge is not one of our orders");
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_ChargeNamesAnOrderNotYetMarkedPaid_ThrowsSoTheJobRetries()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_1", chargeId: null);
        StripeHolds(Charge("ch_early", orderId: orderId, amountRefunded: 2500));

        var act = () => Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_early"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*not marked paid yet*");
        (await Harness.OrderAsync(orderId)).Status.Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task HandleAsync_ChargeStripeNoLongerHas_IgnoredAndOrderUnchanged()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_1", "ch_1");

        var reason = await Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_1"));

        reason.Should().Be("Stripe has no such charge");
        (await Harness.OrderAsync(orderId)).Should().Match<Order>(o => o.Status == OrderStatus.Paid && o.RefundedMinor == 0);
    }

    [Fact]
    public async Task HandleAsync_ChargeRefetchFails_RethrownAndOrderUnchanged()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_1", "ch_1");
        Harness.Stripe.FindChargeWithRefundsAsync("ch_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<ChargeRefundedHandler>(Refunded("ch_1"));

        await act.Should().ThrowAsync<StripeException>();
        (await Harness.OrderAsync(orderId)).Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoCharge_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<ChargeRefundedHandler>(Refunded(null));

        reason.Should().Be("event names no charge");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
