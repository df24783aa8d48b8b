using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Transfer reversals through POST/GET /v1/transfers/{id}/reversals.</summary>
public sealed class TransferReversalsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_PartialReversal_DebitsTheConnectedAccountAndIsListed()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "usd", 250);
        var transferId = session.PaymentIntent.LatestCharge.TransferId;
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        // Act
        var reversal = await client.V1.Transfers.Reversals.CreateAsync(transferId,
            new TransferReversalCreateOptions { Amount = 500, Metadata = new() { ["reason"] = "dispute" } });
        var fetched = await client.V1.Transfers.Reversals.GetAsync(transferId, reversal.Id);
        var list = await client.V1.Transfers.Reversals.ListAsync(transferId);
        var transfer = await client.V1.Transfers.GetAsync(transferId);
        var payment = await client.V1.Charges.GetAsync(transfer.DestinationPaymentId, null, onAccount);
        var balance = await client.V1.Balance.GetAsync(onAccount);

        // Assert
        reversal.Id.Should().StartWith("trr_");
        reversal.Amount.Should().Be(500);
        reversal.Metadata["reason"].Should().Be("dispute");
        reversal.DestinationPaymentRefundId.Should().StartWith("pyr_");
        fetched.TransferId.Should().Be(transferId);
        list.Data.Should().ContainSingle().Which.Id.Should().Be(reversal.Id);
        transfer.AmountReversed.Should().Be(500);
        transfer.Reversals.Data.Should().ContainSingle();
        payment.AmountRefunded.Should().Be(500);
        balance.Available.Concat(balance.Pending).Sum(b => b.Amount).Should().Be(2500 - 250 - 500);
    }

    [Fact]
    public async Task Create_MoreThanLeft_Returns400OnAmount()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);

        // Act
        var act = () => client.V1.Transfers.Reversals.CreateAsync(session.PaymentIntent.LatestCharge.TransferId,
            new TransferReversalCreateOptions { Amount = 2501 });

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Param.Should().Be("amount");
    }
}
