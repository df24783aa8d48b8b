using Marketplace.Core.Emails;
using Marketplace.Core.Orders;
using Marketplace.Core.Plans;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using Stripe.Checkout;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary>
/// <see cref="CheckoutSessionCompletedHandler"/>: a payment-mode session pays its order (<see cref="OrderFulfilment"/>);
/// a subscription-mode session links its subscription to the creator it names and applies it.
/// </summary>
public sealed class CheckoutSessionCompletedHandlerTests : HandlerTests
{
    private const string PriceId = "price_bronze_month";

    protected override async Task ArrangeAsync()
    {
        await Harness.SyncPriceAsync(PriceId);
    }

    private static TestEvent Completed(string? sessionId, string? mode) =>
        TestEvent.Of(StripeEventTypes.CheckoutSessionCompleted, sessionId, "checkout.session",
            fields: mode is null ? null : new Dictionary<string, object?> { ["mode"] = mode });

    private void StripeHoldsOrderSession(Session session) =>
        Harness.Stripe.FindCheckoutSessionWithPaymentAsync(session.Id, Arg.Any<CancellationToken>()).Returns(session);

    private void StripeHoldsSubscription(string subscriptionId, int? creatorId = null)
    {
        var subscription = Subscription(subscriptionId, "cus_1", PriceId, creatorId: creatorId);
        Harness.Stripe.GetSubscriptionAsync(subscriptionId, Arg.Any<CancellationToken>()).Returns(subscription);
        Harness.Stripe.ListCustomerSubscriptionsAsync("cus_1", Arg.Any<CancellationToken>()).Returns([subscription]);
    }

    [Fact]
    public async Task HandleAsync_PaymentModeInPayload_OrderPaidWithReceiptAndSaleEmailsWithoutPlainSessionFetch()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_order", chargeId: null);
        StripeHoldsOrderSession(OrderSession("cs_order", orderId, chargeId: "ch_1"));

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_order", "payment"));

        reason.Should().BeNull();
        var order = await Harness.OrderAsync(orderId);
        (order.Status, order.StripeChargeId, order.StripeTransferId, order.StripeFeeMinor).Should().Be((OrderStatus.Paid, "ch_1", "tr_ch_1", 59L));
        (await Harness.EmailsAsync()).Select(e => e.Kind).Should().BeEquivalentTo([EmailKinds.OrderReceipt, EmailKinds.OrderSale]);
        await Harness.Stripe.DidNotReceiveWithAnyArgs().GetCheckoutSessionAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_PaymentSessionDeliveredTwice_OneReceiptOneSale()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_order", chargeId: null);
        StripeHoldsOrderSession(OrderSession("cs_order", orderId));

        await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_order", "payment"));
        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_order", "payment"));

        reason.Should().BeNull();
        (await Harness.EmailsAsync()).Should().HaveCount(2);
        await Harness.Stripe.Received(2).FindCheckoutSessionWithPaymentAsync("cs_order", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_PayloadWithoutModeButRefetchSaysPayment_RoutedToTheOrder()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_order", chargeId: null);
        Harness.Stripe.GetCheckoutSessionAsync("cs_order", Arg.Any<CancellationToken>()).Returns(OrderSession("cs_order", orderId));
        StripeHoldsOrderSession(OrderSession("cs_order", orderId));

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_order", mode: null));

        reason.Should().BeNull();
        (await Harness.OrderAsync(orderId)).Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public async Task HandleAsync_PaymentSessionStripeNoLongerHas_Ignored()
    {
        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_gone", "payment"));

        reason.Should().Be("Stripe has no such session");
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_PaymentSessionWithoutOrderMetadata_IgnoredAsNotOurs()
    {
        var session = OrderSession("cs_other", 1);
        session.Metadata.Clear();
        StripeHoldsOrderSession(session);

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_other", "payment"));

        reason.Should().Be("session is not one of our orders");
    }

    [Fact]
    public async Task HandleAsync_SessionNamesAnOrderHoldingAnotherSession_OrderLeftPending()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_first", chargeId: null);
        StripeHoldsOrderSession(OrderSession("cs_second", orderId));

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_second", "payment"));

        reason.Should().Be("session is not one of our orders");
        (await Harness.OrderAsync(orderId)).Should().Match<Order>(o => o.Status == OrderStatus.Pending && o.StripeCheckoutSessionId == "cs_first");
    }

    [Fact]
    public async Task HandleAsync_SubscriptionSessionWithCreatorMetadata_CreatorOnThePlan()
    {
        Harness.Stripe.GetCheckoutSessionAsync("cs_sub", Arg.Any<CancellationToken>()).Returns(SubscriptionSession("cs_sub", "sub_1", creatorId: CreatorId));
        StripeHoldsSubscription("sub_1");

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_sub", "subscription"));

        reason.Should().BeNull();
        (await Harness.SubscriptionOfAsync(CreatorId)).Should().Match<Core.Subscriptions.CreatorSubscription>(s =>
            s.Plan!.Code == PlanCodes.Bronze && s.StripeSubscriptionId == "sub_1");
        await Harness.Stripe.DidNotReceiveWithAnyArgs().FindCheckoutSessionWithPaymentAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_SubscriptionSessionWithOnlyClientReferenceId_CreatorFoundFromIt()
    {
        Harness.Stripe.GetCheckoutSessionAsync("cs_sub", Arg.Any<CancellationToken>())
            .Returns(SubscriptionSession("cs_sub", "sub_1", clientReferenceId: CreatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        StripeHoldsSubscription("sub_1");

        await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_sub", "subscription"));

        (await Harness.SubscriptionOfAsync(CreatorId)).StripeSubscriptionId.Should().Be("sub_1");
    }

    [Fact]
    public async Task HandleAsync_SubscriptionSessionNamingNoCreator_ThrowsForRetry()
    {
        Harness.Stripe.GetCheckoutSessionAsync("cs_sub", Arg.Any<CancellationToken>()).Returns(SubscriptionSession("cs_sub", "sub_1"));
        StripeHoldsSubscription("sub_1");

        var act = () => Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_sub", "subscription"));

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await Harness.SubscriptionOfAsync(CreatorId)).IsFree.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_SubscriptionSessionWithoutSubscription_Ignored()
    {
        Harness.Stripe.GetCheckoutSessionAsync("cs_sub", Arg.Any<CancellationToken>()).Returns(SubscriptionSession("cs_sub", null, creatorId: CreatorId));

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_sub", "subscription"));

        reason.Should().Be("session has no subscription");
        await Harness.Stripe.DidNotReceiveWithAnyArgs().GetSubscriptionAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_SetupModeSession_IgnoredWithTheMode()
    {
        var session = SubscriptionSession("cs_setup", null);
        session.Mode = "setup";
        Harness.Stripe.GetCheckoutSessionAsync("cs_setup", Arg.Any<CancellationToken>()).Returns(session);

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_setup", "setup"));

        reason.Should().Be("session mode is setup");
    }

    [Fact]
    public async Task HandleAsync_SessionRefetchFails_Rethrown()
    {
        Harness.Stripe.GetCheckoutSessionAsync("cs_sub", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed("cs_sub", "subscription"));

        await act.Should().ThrowAsync<StripeException>();
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoSession_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(Completed(null, "payment"));

        reason.Should().Be("event names no session");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_RealPaymentModePayload_RoutedByItsModeToTheOrderPath()
    {
        var stripeEvent = TestEvent.Sample("checkout.session.completed__stripe-ruby-mock__payment-mode.json");

        var reason = await Harness.HandleAsync<CheckoutSessionCompletedHandler>(stripeEvent);

        reason.Should().Be("Stripe has no such session");
        await Harness.Stripe.Received(1).FindCheckoutSessionWithPaymentAsync(stripeEvent.Envelope.ObjectId!, Arg.Any<CancellationToken>());
        await Harness.Stripe.DidNotReceiveWithAnyArgs().GetCheckoutSessionAsync(default!, default);
    }
}
