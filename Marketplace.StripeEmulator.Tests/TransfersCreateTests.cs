using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>POST /v1/transfers from the platform: the platform's available funds, the account's credit, the event, the errors.</summary>
public sealed class TransfersCreateTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_PlatformFundsAvailable_DebitsThePlatformCreditsTheAccountAndEmitsTransferCreated()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        emulator.Server.MakeBalanceAvailable(key, null);
        var platformBefore = Available(await client.V1.Balance.GetAsync(), "eur");
        var accountBefore = Available(await client.V1.Balance.GetAsync(new RequestOptions { StripeAccount = account.Id }), "eur");

        // Act
        var transfer = await client.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 100, Currency = "eur", Destination = account.Id, Metadata = new() { ["dispute_id"] = "dp_1" },
        }, new RequestOptions { IdempotencyKey = "retransfer-1" });
        var replay = await client.V1.Transfers.CreateAsync(new TransferCreateOptions { Amount = 100, Currency = "eur", Destination = account.Id, Metadata = new() { ["dispute_id"] = "dp_1" } },
            new RequestOptions { IdempotencyKey = "retransfer-1" });

        // Assert
        transfer.Id.Should().StartWith("tr_");
        (transfer.Amount, transfer.Currency, transfer.DestinationId, transfer.Metadata["dispute_id"]).Should().Be((100L, "eur", account.Id, "dp_1"));
        transfer.DestinationPaymentId.Should().StartWith("py_");
        replay.Id.Should().Be(transfer.Id, "the same idempotency key replays");
        Available(await client.V1.Balance.GetAsync(), "eur").Should().Be(platformBefore - 100);
        Available(await client.V1.Balance.GetAsync(new RequestOptions { StripeAccount = account.Id }), "eur").Should().Be(accountBefore + 100);
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "transfer.created" })).Data
            .Should().Contain(e => ((Transfer)e.Data.Object).Id == transfer.Id);
    }

    [Fact]
    public async Task Create_PlatformWithoutAvailableFunds_400BalanceInsufficient()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);

        // Act
        var act = () => client.V1.Transfers.CreateAsync(new TransferCreateOptions { Amount = 100, Currency = "eur", Destination = account.Id });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Code.Should().Be("balance_insufficient");
    }

    [Fact]
    public async Task Create_UnknownDestination_400ResourceMissingOnDestination()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Transfers.CreateAsync(new TransferCreateOptions { Amount = 100, Currency = "eur", Destination = "acct_nothere" });

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which.StripeError;
        (error.Code, error.Param).Should().Be(("resource_missing", "destination"));
    }

    private static long Available(Balance balance, string currency) => balance.Available.Where(b => b.Currency == currency).Sum(b => b.Amount);
}
