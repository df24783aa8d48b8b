using Marketplace.Core.Disputes;
using Marketplace.Core.Emails;
using Marketplace.Core.Orders;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary>
/// <see cref="ChargeDisputeCreatedHandler"/>, <see cref="ChargeDisputeFundsWithdrawnHandler"/> and
/// <see cref="ChargeDisputeClosedHandler"/> (one base, <see cref="DisputeEventHandler"/>) on a paid 25.00 EUR order of
/// charge <c>ch_1</c> (transfer <c>tr_ch_1</c> to <c>acct_creator</c>), through the real <see cref="OrderDisputes"/>.
/// </summary>
public sealed class DisputeEventHandlerTests : IAsyncLifetime
{
    private HandlerHarness _harness = null!;
    private int _orderId;

    public Task InitializeAsync() => StartAsync();

    private async Task StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (_harness is not null) await _harness.DisposeAsync();
        _harness = await HandlerHarness.CreateAsync(settings);
        _orderId = await _harness.AddOrderAsync(await _harness.AddCreatorAsync(), "cs_1", "ch_1");
        _harness.Stripe.ReverseTransferAsync(default!, default, default!, default!, default)
            .ReturnsForAnyArgs(call => new TransferReversal { Id = "trr_1", Amount = call.ArgAt<long>(1) });
        _harness.Stripe.CreateTransferAsync(default, default!, default!, default!, default!, default)
            .ReturnsForAnyArgs(call => new Transfer { Id = "tr_back", Amount = call.ArgAt<long>(0) });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static TestEvent Event(string type, string? disputeId = "dp_1") => TestEvent.Of(type, disputeId, "dispute");

    /// <summary>Stripe holds dispute <c>dp_1</c> on <c>ch_1</c> in <paramref name="status"/>, and the charge with <paramref name="reversals"/>.</summary>
    private void StripeHolds(string status, long amount = 2500, params TransferReversal[] reversals)
    {
        var dispute = Dispute("dp_1", "ch_1", amount, status);
        _harness.Stripe.FindDisputeAsync("dp_1", Arg.Any<CancellationToken>()).Returns(dispute);
        _harness.Stripe.FindChargeWithRefundsAsync("ch_1", Arg.Any<CancellationToken>()).Returns(Charge("ch_1", disputed: true, reversals: reversals));
        _harness.Stripe.ListDisputesOfChargeAsync("ch_1", Arg.Any<CancellationToken>()).Returns([dispute]);
    }

    [Fact]
    public async Task HandleAsync_DisputeCreated_OrderDisputedWithDueDateAndCreatorEmailedOnceWithoutReversal()
    {
        StripeHolds("needs_response");

        var reason = await _harness.HandleAsync<ChargeDisputeCreatedHandler>(Event(StripeEventTypes.ChargeDisputeCreated));
        await _harness.HandleAsync<ChargeDisputeCreatedHandler>(Event(StripeEventTypes.ChargeDisputeCreated));

        reason.Should().BeNull();
        var order = await _harness.OrderAsync(_orderId);
        (order.Status, order.StripeDisputeId, order.DisputeAmountMinor, order.DisputeReason).Should().Be((OrderStatus.Disputed, "dp_1", 2500L, "fraudulent"));
        order.DisputeEvidenceDueBy.Should().Be(EvidenceDueBy);
        (await _harness.EmailsAsync()).Should().ContainSingle().Which.Should().Match<OutboxEmail>(e => e.Kind == EmailKinds.DisputeOpened && e.Key == "dp_1");
        await _harness.Stripe.DidNotReceiveWithAnyArgs().ReverseTransferAsync(default!, default, default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_FundsWithdrawn_CreatorsTransferReversedForTheDisputedAmountWithTheDisputesKey()
    {
        StripeHolds("needs_response", amount: 2000);

        var reason = await _harness.HandleAsync<ChargeDisputeFundsWithdrawnHandler>(Event(StripeEventTypes.ChargeDisputeFundsWithdrawn));

        reason.Should().BeNull();
        await _harness.Stripe.Received(1).ReverseTransferAsync("tr_ch_1", 2000, Arg.Is<IReadOnlyDictionary<string, string>>(m => m["dispute_id"] == "dp_1"),
            IdempotencyKeys.DisputeTransferReversal("dp_1"), Arg.Any<CancellationToken>());
        (await _harness.OrderAsync(_orderId)).Should().Match<Order>(o => o.DisputeTransferReversalId == "trr_1" && o.DisputeTransferReversedMinor == 2000);
    }

    [Fact]
    public async Task HandleAsync_FundsWithdrawnAgainAfterTheReversalIsInStripe_NoSecondReversal()
    {
        StripeHolds("needs_response", 2500, DisputeReversal("trr_1", "dp_1", 2500));

        var reason = await _harness.HandleAsync<ChargeDisputeFundsWithdrawnHandler>(Event(StripeEventTypes.ChargeDisputeFundsWithdrawn));

        reason.Should().BeNull();
        await _harness.Stripe.DidNotReceiveWithAnyArgs().ReverseTransferAsync(default!, default, default!, default!, default);
        (await _harness.OrderAsync(_orderId)).DisputeTransferReversalId.Should().Be("trr_1", "read back from Stripe's reversal metadata");
    }

    [Fact]
    public async Task HandleAsync_FundsWithdrawnWithReversalConfiguredOff_NoReversal()
    {
        await StartAsync(new Dictionary<string, string?> { [$"{DisputeOptions.SectionName}:{nameof(DisputeOptions.ReverseTransferOnDispute)}"] = "false" });
        StripeHolds("needs_response");

        var reason = await _harness.HandleAsync<ChargeDisputeFundsWithdrawnHandler>(Event(StripeEventTypes.ChargeDisputeFundsWithdrawn));

        reason.Should().BeNull();
        await _harness.Stripe.DidNotReceiveWithAnyArgs().ReverseTransferAsync(default!, default, default!, default!, default);
        (await _harness.OrderAsync(_orderId)).Status.Should().Be(OrderStatus.Disputed);
    }

    [Fact]
    public async Task HandleAsync_ReversalFailsAt500_RethrownAndOrderUnchanged()
    {
        StripeHolds("needs_response");
        _harness.Stripe.ReverseTransferAsync(default!, default, default!, default!, default).ThrowsAsyncForAnyArgs(ServerError());

        var act = () => _harness.HandleAsync<ChargeDisputeFundsWithdrawnHandler>(Event(StripeEventTypes.ChargeDisputeFundsWithdrawn));

        await act.Should().ThrowAsync<StripeException>();
        (await _harness.OrderAsync(_orderId)).Should().Match<Order>(o => o.Status == OrderStatus.Paid && o.StripeDisputeId == null);
        (await _harness.EmailsAsync()).Should().BeEmpty("nothing was saved");
    }

    [Fact]
    public async Task HandleAsync_ClosedWonAfterReversal_ReversedAmountTransferredBackOnceAndOrderPaid()
    {
        StripeHolds("won", 2500, DisputeReversal("trr_1", "dp_1", 2500));

        var reason = await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed));
        await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed));

        reason.Should().BeNull();
        await _harness.Stripe.Received(1).CreateTransferAsync(2500, "eur", "acct_creator", Arg.Any<IReadOnlyDictionary<string, string>>(),
            IdempotencyKeys.DisputeRetransfer("dp_1", "eur", 0), Arg.Any<CancellationToken>());
        (await _harness.OrderAsync(_orderId)).Should().Match<Order>(o => o.Status == OrderStatus.Paid && o.DisputeRetransferId == "tr_back");
    }

    [Fact]
    public async Task HandleAsync_ClosedWonAndStripeHoldsATransferBackAlready_NoSecondTransfer()
    {
        StripeHolds("won", 2500, DisputeReversal("trr_1", "dp_1", 2500));
        _harness.Stripe.FindTransferToAsync("acct_creator", "dispute_id", "dp_1", Arg.Any<CancellationToken>())
            .Returns(new Transfer { Id = "tr_earlier", Amount = 2500 });

        await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed));

        await _harness.Stripe.DidNotReceiveWithAnyArgs().CreateTransferAsync(default, default!, default!, default!, default!, default);
        (await _harness.OrderAsync(_orderId)).DisputeRetransferId.Should().Be("tr_earlier");
    }

    [Fact]
    public async Task HandleAsync_ClosedWonButBalanceInsufficient_OutcomeSavedOwedAndNotAFailure()
    {
        StripeHolds("won", 2500, DisputeReversal("trr_1", "dp_1", 2500));
        _harness.Stripe.CreateTransferAsync(default, default!, default!, default!, default!, default)
            .ThrowsAsyncForAnyArgs(new StripeException(System.Net.HttpStatusCode.BadRequest, new StripeError { Code = "balance_insufficient" }, "insufficient"));

        var reason = await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed));

        reason.Should().BeNull("the outcome is applied; the transfer back is owed and the hourly sweep retries it");
        (await _harness.OrderAsync(_orderId)).Should().Match<Order>(o => o.DisputeStatus == "won" && o.DisputeRetransferId == null
            && o.TransferBackOwedSince != null && o.TransferBackRefusal!.StartsWith("balance_insufficient"));
    }

    [Fact]
    public async Task HandleAsync_ClosedWonWithoutReversal_NothingToTransferBack()
    {
        StripeHolds("won");

        await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed));

        await _harness.Stripe.DidNotReceiveWithAnyArgs().CreateTransferAsync(default, default!, default!, default!, default!, default);
        (await _harness.OrderAsync(_orderId)).Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public async Task HandleAsync_ClosedLost_OrderDisputeLostAndNoTransferBack()
    {
        StripeHolds("lost", 2500, DisputeReversal("trr_1", "dp_1", 2500));

        var reason = await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed));

        reason.Should().BeNull();
        (await _harness.OrderAsync(_orderId)).Status.Should().Be(OrderStatus.DisputeLost);
        await _harness.Stripe.DidNotReceiveWithAnyArgs().CreateTransferAsync(default, default!, default!, default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_DisputeStripeDoesNotHave_Ignored()
    {
        var reason = await _harness.HandleAsync<ChargeDisputeCreatedHandler>(Event(StripeEventTypes.ChargeDisputeCreated, "dp_gone"));

        reason.Should().Be("Stripe has no such dispute");
        await _harness.Stripe.DidNotReceiveWithAnyArgs().FindChargeWithRefundsAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_DisputeOfAChargeNoOrderHolds_IgnoredAsNotOurs()
    {
        _harness.Stripe.FindDisputeAsync("dp_x", Arg.Any<CancellationToken>()).Returns(Dispute("dp_x", "ch_stranger", 500));
        _harness.Stripe.FindChargeWithRefundsAsync("ch_stranger", Arg.Any<CancellationToken>()).Returns(Charge("ch_stranger", disputed: true));

        var reason = await _harness.HandleAsync<ChargeDisputeCreatedHandler>(Event(StripeEventTypes.ChargeDisputeCreated, "dp_x"));

        reason.Should().Be("charge is not one of our orders");
        (await _harness.OrderAsync(_orderId)).StripeDisputeId.Should().BeNull();
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoDispute_IgnoredWithoutStripeCall()
    {
        var reason = await _harness.HandleAsync<ChargeDisputeClosedHandler>(Event(StripeEventTypes.ChargeDisputeClosed, null));

        reason.Should().Be("event names no dispute");
        _harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_RealDisputeCreatedPayload_DisputeRefetchedByItsId()
    {
        var stripeEvent = TestEvent.Sample("charge.dispute.created__djstripe__1.json");

        var reason = await _harness.HandleAsync<ChargeDisputeCreatedHandler>(stripeEvent);

        reason.Should().Be("Stripe has no such dispute");
        await _harness.Stripe.Received(1).FindDisputeAsync(stripeEvent.Envelope.ObjectId!, Arg.Any<CancellationToken>());
    }
}
