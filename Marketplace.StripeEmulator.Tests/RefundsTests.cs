using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Refunds of destination charges: reversal, application fee refund, balances, errors, failure, events.</summary>
public sealed class RefundsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static RefundCreateOptions Refund(string paymentIntent, long? amount) => new()
    {
        PaymentIntent = paymentIntent, Amount = amount, ReverseTransfer = true, RefundApplicationFee = true,
        Reason = "requested_by_customer", Metadata = new() { ["order_id"] = "42" },
    };

    private static long Total(Balance balance, string currency) =>
        balance.Available.Concat(balance.Pending).Where(b => b.Currency == currency).Sum(b => b.Amount);

    [Theory]
    [InlineData("eur", 2500, 250, 1000, 100, 63)]
    [InlineData("usd", 2500, 250, 1000, 100, 103)]
    [InlineData("jpy", 5000, 500, 2000, 200, 180)]
    [InlineData("xaf", 16400, 1640, 4100, 410, 410)]
    public async Task Create_PartialWithReversalAndFeeRefund_AmountsAddUp(string currency, long amount, long fee, long refunded, long feeRefunded, long stripeFee)
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, amount, currency, fee);
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        // Act
        var refund = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, refunded));
        var charge = await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId, new ChargeGetOptions { Expand = ["transfer", "application_fee", "refunds"] });
        var fetched = await client.V1.Refunds.GetAsync(refund.Id, new RefundGetOptions { Expand = ["balance_transaction", "transfer_reversal"] });

        // Assert
        refund.Id.Should().StartWith("re_");
        refund.Status.Should().Be("succeeded");
        refund.Amount.Should().Be(refunded);
        refund.Currency.Should().Be(currency);
        refund.ChargeId.Should().Be(charge.Id);
        refund.PaymentIntentId.Should().Be(session.PaymentIntentId);
        refund.Reason.Should().Be("requested_by_customer");
        refund.Metadata["order_id"].Should().Be("42");
        fetched.BalanceTransaction.Amount.Should().Be(-refunded, "the platform pays the refund");
        fetched.TransferReversal.Id.Should().StartWith("trr_");
        fetched.TransferReversal.Amount.Should().Be(refunded);
        fetched.TransferReversal.SourceRefundId.Should().Be(refund.Id);
        charge.AmountRefunded.Should().Be(refunded);
        charge.Refunded.Should().BeFalse();
        charge.Refunds.Data.Should().ContainSingle().Which.Id.Should().Be(refund.Id);
        charge.Transfer.AmountReversed.Should().Be(refunded);
        charge.Transfer.Reversed.Should().BeFalse();
        charge.ApplicationFee.AmountRefunded.Should().Be(feeRefunded);
        charge.ApplicationFee.Refunds.Data.Should().ContainSingle().Which.Id.Should().StartWith("fr_");
        Total(await client.V1.Balance.GetAsync(onAccount), currency).Should().Be(amount - fee - refunded + feeRefunded);
        Total(await client.V1.Balance.GetAsync(), currency).Should().Be(fee - stripeFee - feeRefunded);
    }

    [Fact]
    public async Task Create_FullAfterPartial_RefundsTheWholeFeeAndReversesTheWholeTransfer()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 999));

        // Act
        var rest = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, null));
        var charge = await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId, new ChargeGetOptions { Expand = ["transfer", "application_fee"] });

        // Assert
        rest.Amount.Should().Be(1501);
        charge.Refunded.Should().BeTrue();
        charge.AmountRefunded.Should().Be(2500);
        charge.Transfer.Reversed.Should().BeTrue();
        charge.Transfer.AmountReversed.Should().Be(2500);
        charge.ApplicationFee.Refunded.Should().BeTrue();
        charge.ApplicationFee.AmountRefunded.Should().Be(250, "100 in proportion, then the rest on the full refund");
        Total(await client.V1.Balance.GetAsync(new RequestOptions { StripeAccount = account.Id }), "eur").Should().Be(0);
        Total(await client.V1.Balance.GetAsync(), "eur").Should().Be(-63, "the platform keeps paying Stripe's fee");
    }

    [Fact]
    public async Task Create_MoreThanLeft_Returns400AmountTooLargeOnAmount()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        await client.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = session.PaymentIntent.LatestChargeId, Amount = 2000 });

        // Act
        var over = await FluentActions.Awaiting(() => client.V1.Refunds.CreateAsync(
            new RefundCreateOptions { Charge = session.PaymentIntent.LatestChargeId, Amount = 501 })).Should().ThrowAsync<StripeException>();
        await client.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = session.PaymentIntent.LatestChargeId });
        var again = () => client.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = session.PaymentIntent.LatestChargeId });

        // Assert
        var error = over.Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Code.Should().Be("amount_too_large");
        error.StripeError.Param.Should().Be("amount");
        (await again.Should().ThrowAsync<StripeException>()).Which.StripeError.Code.Should().Be("charge_already_refunded");
    }

    [Fact]
    public async Task Create_SameIdempotencyKey_RefundsOnce()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        var request = new RequestOptions { IdempotencyKey = "refund-order-42" };

        // Act
        var first = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000), request);
        var second = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000), request);
        var list = await client.V1.Refunds.ListAsync(new RefundListOptions { PaymentIntent = session.PaymentIntentId });

        // Assert
        second.Id.Should().Be(first.Id);
        list.Data.Should().ContainSingle();
        (await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId)).AmountRefunded.Should().Be(1000);
    }

    [Fact]
    public async Task Create_PlatformEndpoint_GetsRefundEventsInOrder()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        var platform = await PaymentScenarios.EndpointAsync(client, _receiver, connect: false);

        // Act
        await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000));
        var events = await _receiver.WaitForAsync(platform.Path, platform.Secret, e => e.Any(x => x.Type == "charge.refund.updated"));

        // Assert
        events.Select(e => e.Type).Should().Equal("refund.created", "charge.refunded", "transfer.reversed",
            "application_fee.refunded", "refund.updated", "charge.refund.updated");
        var refunded = events[1];
        refunded.Data.Object.Should().BeOfType<Charge>().Which.AmountRefunded.Should().Be(1000);
        ((object?)refunded.Data.PreviousAttributes).Should().BeNull("Stripe sends previous_attributes on *.updated events only");
        var previous = (Newtonsoft.Json.Linq.JObject)events[4].Data.PreviousAttributes;
        previous["destination_details"]!["card"]!["reference_status"]!.ToString().Should().Be("pending");
    }

    [Fact]
    public async Task FailNextRefund_RefundFailsAndMoneyComesBack()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        using var control = emulator.Http(key);
        (await control.PostAsync("/_emulator/refunds/fail_next",
            new StringContent("{\"failure_reason\":\"lost_or_stolen_card\"}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        // Act
        var refund = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000));
        var next = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000));
        var charge = await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId);
        var failed = await client.V1.Events.ListAsync(new EventListOptions { Type = "refund.failed" });

        // Assert
        refund.Status.Should().Be("failed");
        refund.FailureReason.Should().Be("lost_or_stolen_card");
        refund.FailureBalanceTransactionId.Should().StartWith("txn_");
        refund.TransferReversalId.Should().BeNull();
        next.Status.Should().Be("succeeded", "only the next refund fails");
        charge.AmountRefunded.Should().Be(1000);
        failed.Data.Should().ContainSingle().Which.Data.Object.Should().BeOfType<Refund>().Which.Id.Should().Be(refund.Id);
        Total(await client.V1.Balance.GetAsync(), "eur").Should().Be(250 - 63 - 100);
    }

    [Fact]
    public async Task Create_NeitherChargeNorPaymentIntent_Returns400()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Refunds.CreateAsync(new RefundCreateOptions { Amount = 100 });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Code.Should().Be("parameter_missing");
    }
    [Fact]
    public async Task HoldNextRefund_PendingUntilSettledThenSucceeds_ReversedOnlyThen()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        using var control = emulator.Http(key);
        (await control.PostAsync("/_emulator/refunds/hold_next", null)).EnsureSuccessStatusCode();

        // Act
        var pending = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000));
        var updatedBefore = (await client.V1.Events.ListAsync(new EventListOptions { Type = "refund.updated" })).Data.Count;
        (await control.PostAsync($"/_emulator/refunds/{pending.Id}/settle", null)).EnsureSuccessStatusCode();
        var settled = await client.V1.Refunds.GetAsync(pending.Id);
        var updated = await client.V1.Events.ListAsync(new EventListOptions { Type = "refund.updated" });
        var again = await control.PostAsync($"/_emulator/refunds/{pending.Id}/settle", null);

        // Assert
        pending.Status.Should().Be("pending");
        pending.TransferReversalId.Should().BeNull("nothing is reversed while pending");
        updatedBefore.Should().Be(0);
        settled.Status.Should().Be("succeeded");
        settled.TransferReversalId.Should().StartWith("trr_");
        var previous = (Newtonsoft.Json.Linq.JObject)updated.Data.Should().ContainSingle().Subject.Data.PreviousAttributes;
        previous["status"]!.ToString().Should().Be("pending");
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a settled refund is no longer pending");
    }
    [Fact]
    public async Task HoldNextRefund_SettledWithAFailure_FailsAndMoneyComesBack()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        emulator.Server.HoldNextRefund(key);

        // Act
        var pending = await client.V1.Refunds.CreateAsync(Refund(session.PaymentIntentId, 1000));
        var chargeWhilePending = await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId);
        emulator.Server.SettleRefund(key, pending.Id, "insufficient_funds");
        var failed = await client.V1.Refunds.GetAsync(pending.Id);
        var charge = await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "refund.failed" });

        // Assert
        pending.Status.Should().Be("pending");
        chargeWhilePending.AmountRefunded.Should().Be(1000, "Stripe counts a pending refund in amount_refunded");
        (failed.Status, failed.FailureReason).Should().Be(("failed", "insufficient_funds"));
        failed.TransferReversalId.Should().BeNull("nothing was reversed");
        charge.AmountRefunded.Should().Be(0);
        events.Data.Should().ContainSingle().Which.Data.Object.Should().BeOfType<Refund>().Which.Id.Should().Be(pending.Id);
    }

    [Fact]
    public async Task Create_BeyondThePlatformsAvailableBalance_PendingUntilFundsArriveThenSucceeded()
    {
        // Arrange: a sale whose credit is still pending; without reverse_transfer the platform alone pays the refund.
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        long Available(Balance balance) => balance.Available.Where(b => b.Currency == "eur").Sum(b => b.Amount);
        Available(await client.V1.Balance.GetAsync()).Should().Be(0, "the charge, its transfer and the fee are pending together");

        // Act
        var refund = await client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = session.PaymentIntentId, Amount = 100 });

        // Assert: pending, nothing taken from the balance yet.
        (refund.Status, refund.PendingReason).Should().Be(("pending", "insufficient_funds"));
        refund.BalanceTransactionId.Should().BeNull();
        Available(await client.V1.Balance.GetAsync()).Should().Be(0, "not a negative balance");
        (await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId)).AmountRefunded.Should().Be(100);

        // Act 2: the sale's funds become available (187 = 2500 - 63 - 2500 + 250).
        emulator.Server.MakeBalanceAvailable(key, null);

        // Assert 2
        var paid = await client.V1.Refunds.GetAsync(refund.Id, new RefundGetOptions { Expand = ["balance_transaction"] });
        (paid.Status, paid.BalanceTransaction.Amount).Should().Be(("succeeded", -100L));
        paid.PendingReason.Should().BeNull();
        Available(await client.V1.Balance.GetAsync()).Should().Be(87);
        var updated = await client.V1.Events.ListAsync(new EventListOptions { Type = "refund.updated" });
        updated.Data.Select(e => e.Data.Object).OfType<Refund>().Should().Contain(r => r.Id == refund.Id && r.Status == "succeeded");
    }
}
