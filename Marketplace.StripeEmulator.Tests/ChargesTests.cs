using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Charges: update, account scoping of destination payments, application fee refunds listing.</summary>
public sealed class ChargesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Update_Metadata_EmitsChargeUpdatedWithPreviousAttributes()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);

        // Act
        var updated = await client.V1.Charges.UpdateAsync(session.PaymentIntent.LatestChargeId,
            new ChargeUpdateOptions { Metadata = new() { ["shipped"] = "yes" }, Description = "Shipped order 42" });
        var evt = (await client.V1.Events.ListAsync(new EventListOptions { Type = "charge.updated" })).Data.Single();

        // Assert
        updated.Metadata["shipped"].Should().Be("yes");
        updated.Metadata["order_id"].Should().Be("42");
        updated.Description.Should().Be("Shipped order 42");
        evt.Data.Object.Should().BeOfType<Charge>().Which.Id.Should().Be(updated.Id);
        var previous = (Newtonsoft.Json.Linq.JObject)evt.Data.PreviousAttributes;
        previous["description"]!.ToString().Should().Be("Order 42");
    }

    [Fact]
    public async Task Retrieve_DestinationPaymentWithoutStripeAccount_Returns404()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        var transfer = await client.V1.Transfers.GetAsync(session.PaymentIntent.LatestCharge.TransferId);

        // Act
        var act = () => client.V1.Charges.GetAsync(transfer.DestinationPaymentId);
        var onAccount = await client.V1.Charges.GetAsync(transfer.DestinationPaymentId, null, new RequestOptions { StripeAccount = account.Id });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.NotFound);
        onAccount.Id.Should().StartWith("py_");
    }

    [Fact]
    public async Task ApplicationFeeRefunds_AfterRefund_AreListedAndRetrievable()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        await client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = session.PaymentIntentId, Amount = 500, ReverseTransfer = true, RefundApplicationFee = true });
        var feeId = session.PaymentIntent.LatestCharge.ApplicationFeeId;

        // Act
        var list = await client.V1.ApplicationFees.Refunds.ListAsync(feeId);
        var one = await client.V1.ApplicationFees.Refunds.GetAsync(feeId, list.Data.Single().Id);

        // Assert
        one.Id.Should().StartWith("fr_");
        one.Amount.Should().Be(50);
        one.FeeId.Should().Be(feeId);
        one.BalanceTransactionId.Should().StartWith("txn_");
    }

    [Fact]
    public async Task Retrieve_ExpandTransferOnAChargeWithoutDestination_TransferIsNull()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = PaymentScenarios.DestinationCheckout("acct_unused", 900, "eur", null);
        options.PaymentIntentData = null;
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);
        using var browser = emulator.Http();
        ((int)(await browser.PayCheckoutAsync(session.Url, "4242424242424242")).StatusCode).Should().Be(303);
        var paid = await client.V1.Checkout.Sessions.GetAsync(session.Id, new Stripe.Checkout.SessionGetOptions { Expand = ["payment_intent"] });

        // Act
        var charge = await client.V1.Charges.GetAsync(paid.PaymentIntent.LatestChargeId, new ChargeGetOptions { Expand = ["transfer"] });

        // Assert
        charge.Transfer.Should().BeNull();
        charge.TransferId.Should().BeNull();
    }
}
