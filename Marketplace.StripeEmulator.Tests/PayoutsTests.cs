using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Payouts of connected accounts and balance availability (control API, test clock), as Connect events.</summary>
public sealed class PayoutsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<(StripeClient Client, string Key, Account Account, RequestOptions OnAccount)> PaidCreatorAsync()
    {
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        return (client, key, account, new RequestOptions { StripeAccount = account.Id });
    }

    private static long Available(Balance balance) => balance.Available.Single(b => b.Currency == "eur").Amount;

    [Fact]
    public async Task PayOut_AvailableBalance_PaidWithConnectEventsInOrder()
    {
        // Arrange
        var (client, key, account, onAccount) = await PaidCreatorAsync();
        var connect = await PaymentScenarios.EndpointAsync(client, _receiver, connect: true);
        var platform = await PaymentScenarios.EndpointAsync(client, _receiver, connect: false);
        emulator.Server.MakeBalanceAvailable(key, account.Id);

        // Act
        var id = emulator.Server.PayOut(key, account.Id);
        var payout = await client.V1.Payouts.GetAsync(id, null, onAccount);
        var events = await _receiver.WaitForAsync(connect.Path, connect.Secret, e => e.Any(x => x.Type == "payout.paid"));
        var balance = await client.V1.Balance.GetAsync(onAccount);

        // Assert
        payout.Id.Should().StartWith("po_");
        payout.Status.Should().Be("paid");
        payout.Amount.Should().Be(2250);
        payout.Currency.Should().Be("eur");
        payout.ArrivalDate.Should().BeAfter(payout.Created);
        payout.BalanceTransactionId.Should().StartWith("txn_");
        payout.DestinationId.Should().StartWith("ba_");
        Available(balance).Should().Be(0);
        events.Select(e => e.Type).Should().Equal("balance.available", "payout.created", "payout.paid");
        events.Should().OnlyContain(e => e.Account == account.Id);
        _receiver.Events(platform.Path, platform.Secret).Should().NotContain(e => e.Type.StartsWith("payout.") || e.Type == "balance.available");
    }

    [Fact]
    public async Task PayOut_FailureCodeOverHttp_FailedWithMessageAndMoneyBack()
    {
        // Arrange
        var (client, key, account, onAccount) = await PaidCreatorAsync();
        using var control = emulator.Http(key);
        (await control.PostAsJsonAsync("/_emulator/balance/release", new { account = account.Id })).EnsureSuccessStatusCode();

        // Act
        var response = await control.PostAsJsonAsync($"/_emulator/accounts/{account.Id}/payouts", new { amount = 1000, failure_code = "account_closed" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var payout = await client.V1.Payouts.GetAsync(id, null, onAccount);
        var failed = await client.V1.Events.ListAsync(new EventListOptions { Type = "payout.failed" }, onAccount);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        payout.Status.Should().Be("failed");
        payout.FailureCode.Should().Be("account_closed");
        payout.FailureMessage.Should().Be("The bank account has been closed.");
        payout.FailureBalanceTransactionId.Should().StartWith("txn_");
        failed.Data.Should().ContainSingle().Which.Account.Should().Be(account.Id);
        Available(await client.V1.Balance.GetAsync(onAccount)).Should().Be(2250);
    }

    [Fact]
    public async Task PayOut_PartialAmount_LeavesTheRestAndIsListedOnTheAccountOnly()
    {
        // Arrange
        var (client, key, account, onAccount) = await PaidCreatorAsync();
        emulator.Server.MakeBalanceAvailable(key, account.Id);

        // Act
        var id = emulator.Server.PayOut(key, account.Id, amount: 1000);
        var listed = await client.V1.Payouts.ListAsync(new PayoutListOptions { Status = "paid" }, onAccount);
        var platformPayouts = await client.V1.Payouts.ListAsync();

        // Assert
        listed.Data.Should().ContainSingle().Which.Id.Should().Be(id);
        platformPayouts.Data.Should().BeEmpty();
        Available(await client.V1.Balance.GetAsync(onAccount)).Should().Be(1250);
    }

    [Fact]
    public async Task PayOut_OnlyPendingBalance_Returns400BalanceInsufficient()
    {
        // Arrange
        var (_, key, account, _) = await PaidCreatorAsync();
        using var control = emulator.Http(key);

        // Act
        var response = await control.PostAsJsonAsync($"/_emulator/accounts/{account.Id}/payouts", new { });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("code").GetString().Should().Be("balance_insufficient");
    }

    [Fact]
    public async Task AdvanceClock_PastAvailableOn_MakesPendingBalanceAvailable()
    {
        // Arrange
        var (client, key, account, onAccount) = await PaidCreatorAsync();
        await client.V1.Accounts.UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Settings = new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "manual" } } },
        }); // a scheduled account would be paid out on the same clock move
        var before = await client.V1.Balance.GetAsync(onAccount);

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(8));
        var after = await client.V1.Balance.GetAsync(onAccount);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "balance.available" }, onAccount);

        // Assert
        before.Pending.Single(b => b.Currency == "eur").Amount.Should().Be(2250);
        Available(before).Should().Be(0);
        Available(after).Should().Be(2250);
        after.Pending.Single(b => b.Currency == "eur").Amount.Should().Be(0);
        events.Data.Should().ContainSingle().Which.Account.Should().Be(account.Id);
    }
}
