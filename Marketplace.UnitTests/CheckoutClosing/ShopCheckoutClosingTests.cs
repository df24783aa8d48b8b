using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marketplace.Core.Admin;
using Marketplace.Core.CheckoutClosing;
using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.UnitTests.Webhooks.Handlers;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Stripe;
using Stripe.Checkout;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.CheckoutClosing;

/// <summary>
/// A shop that can no longer take payments has its open buyer Checkout Sessions expired at once: the state changes that
/// close it enqueue <see cref="ExpireShopCheckoutsJob"/>, which expires the sessions and refunds in full a session that
/// completed anyway.
/// </summary>
public sealed class ShopCheckoutClosingTests : HandlerTests
{
    private void ExpiryEnqueued(int times) =>
        Harness.Jobs.Received(times).Create(Arg.Is<Job>(j => j.Type == typeof(ExpireShopCheckoutsJob) && (int)j.Args[0] == CreatorId), Arg.Any<IState>());

    private async Task SuspendAsync() => await Harness.RunAsync<MarketplaceDbContext, string>(db =>
        new CreatorModeration(db, new ShopCheckoutClosing(Harness.Jobs, TimeProvider.System, NullLogger<ShopCheckoutClosing>.Instance),
            NullLogger<CreatorModeration>.Instance).SuspendAsync(CreatorId));

    private Task<int> RunJobAsync() =>
        Harness.RunAsync<ExpireShopCheckoutsJob, int>(job => job.RunAsync(CreatorId, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1), CancellationToken.None));

    [Fact]
    public async Task SuspendAsync_ActiveCreator_EnqueuesTheExpiryOfTheirCheckouts()
    {
        await SuspendAsync();

        ExpiryEnqueued(1);
    }

    [Fact]
    public async Task AccountUpdated_ChargesDisabled_EnqueuesTheExpiryOnce()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1"));
        await Harness.HandleAsync<AccountUpdatedHandler>(TestEvent.Of(StripeEventTypes.AccountUpdated, "acct_1", "account", account: "acct_1"));
        ExpiryEnqueued(0);

        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1", charges: false));
        await Harness.HandleAsync<AccountUpdatedHandler>(TestEvent.Of(StripeEventTypes.AccountUpdated, "acct_1", "account", account: "acct_1"));
        await Harness.HandleAsync<AccountUpdatedHandler>(TestEvent.Of(StripeEventTypes.AccountUpdated, "acct_1", "account", account: "acct_1"));

        ExpiryEnqueued(1);
    }

    [Fact]
    public async Task RunAsync_SuspendedShopWithAnOpenSession_SessionExpiredAndOrderExpired()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_open", chargeId: null);
        await SuspendAsync();
        Harness.Stripe.ExpireCheckoutSessionAsync("cs_open", Arg.Any<CancellationToken>()).Returns(OrderSession("cs_open", orderId, status: "expired", paymentStatus: "unpaid"));
        Harness.Stripe.FindCheckoutSessionWithPaymentAsync("cs_open", Arg.Any<CancellationToken>()).Returns(OrderSession("cs_open", orderId, status: "expired", paymentStatus: "unpaid"));

        var settled = await RunJobAsync();

        settled.Should().Be(1);
        (await Harness.OrderAsync(orderId)).Status.Should().Be(OrderStatus.Expired);
        await Harness.Stripe.DidNotReceiveWithAnyArgs().CreateOrderRefundAsync(default!, default);
    }

    [Fact]
    public async Task RunAsync_SessionCompletedInTheRace_OrderPaidThenRefundedInFullOnceWithTheNote()
    {
        var orderId = await Harness.AddOrderAsync(CreatorId, "cs_race", chargeId: null);
        await SuspendAsync();
        var complete = OrderSession("cs_race", orderId, chargeId: "ch_race");
        Harness.Stripe.ExpireCheckoutSessionAsync("cs_race", Arg.Any<CancellationToken>()).Returns(complete);
        Harness.Stripe.FindCheckoutSessionWithPaymentAsync("cs_race", Arg.Any<CancellationToken>()).Returns(complete);
        Harness.Stripe.CreateOrderRefundAsync(Arg.Any<OrderRefundRequest>(), Arg.Any<CancellationToken>())
            .Returns(new Refund { Id = "re_1", Amount = 2500, Currency = "eur", Status = "succeeded" });

        await RunJobAsync();
        await RunJobAsync();

        await Harness.Stripe.Received(1).CreateOrderRefundAsync(Arg.Is<OrderRefundRequest>(r => r.AmountMinor == 2500 && r.PaymentIntentId == "pi_cs_race"
            && r.IdempotencyKey.Contains(ExpireShopCheckoutsJob.RefundToken(orderId))), Arg.Any<CancellationToken>());
        var order = await Harness.OrderAsync(orderId);
        order.ShopClosedRefundAt.Should().NotBeNull();
        order.Status.Should().Be(OrderStatus.Paid, "Stripe's refund reaches the order through its charge; the fake holds none");
    }

    [Fact]
    public async Task RunAsync_ShopOpenAgain_NothingExpired()
    {
        await Harness.AddOrderAsync(CreatorId, "cs_open", chargeId: null);
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1"));
        await Harness.HandleAsync<AccountUpdatedHandler>(TestEvent.Of(StripeEventTypes.AccountUpdated, "acct_1", "account", account: "acct_1"));

        await RunJobAsync();

        await Harness.Stripe.DidNotReceiveWithAnyArgs().ExpireCheckoutSessionAsync(default!, default);
    }
}
