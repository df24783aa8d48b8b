using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// Automatic payouts on the account's <c>settings.payouts.schedule</c>, run by the test clock
/// (https://docs.stripe.com/connect/manage-payout-schedule): a scheduled account is paid out its available balance and the
/// payout is paid on its arrival date; a manual account accumulates.
/// </summary>
public sealed class ScheduledPayoutsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static AccountUpdateOptions Schedule(string interval, string? weeklyAnchor = null, long? monthlyAnchor = null) => new()
    {
        Settings = new AccountSettingsOptions
        {
            Payouts = new AccountSettingsPayoutsOptions
            {
                Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = interval, WeeklyAnchor = weeklyAnchor, MonthlyAnchor = monthlyAnchor },
            },
        },
    };

    private async Task<(StripeClient Client, string Key, Account Account, RequestOptions OnAccount)> PaidCreatorAsync(AccountUpdateOptions schedule)
    {
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        await client.V1.Accounts.UpdateAsync(account.Id, schedule);
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        return (client, key, account, new RequestOptions { StripeAccount = account.Id });
    }

    private static long Available(Balance balance) => balance.Available.Single(b => b.Currency == "eur").Amount;

    [Fact]
    public async Task AdvanceClock_DailyAccountPastDelay_PaysOutAvailableBalanceThenPaidOnArrival()
    {
        // Arrange
        var (client, key, _, onAccount) = await PaidCreatorAsync(Schedule("daily"));

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(8));
        var created = (await client.V1.Payouts.ListAsync(null, onAccount)).Data;
        var balance = await client.V1.Balance.GetAsync(onAccount);
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(2));
        var arrived = (await client.V1.Payouts.ListAsync(null, onAccount)).Data;
        var events = (await client.V1.Events.ListAsync(new EventListOptions { Limit = 100 }, onAccount)).Data.Select(e => e.Type).Reverse().ToList();

        // Assert
        created.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Amount = 2250L, Currency = "eur", Status = "pending", Automatic = true });
        Available(balance).Should().Be(0, "the payout takes the available balance");
        arrived.Should().ContainSingle().Which.Status.Should().Be("paid");
        events.Should().ContainInConsecutiveOrder("payout.created", "payout.paid");
    }

    [Fact]
    public async Task AdvanceClock_ManualAccount_AvailableBalanceAccumulatesWithoutPayout()
    {
        // Arrange
        var (client, key, _, onAccount) = await PaidCreatorAsync(Schedule("manual"));

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(40));

        // Assert
        (await client.V1.Payouts.ListAsync(null, onAccount)).Data.Should().BeEmpty();
        Available(await client.V1.Balance.GetAsync(onAccount)).Should().Be(2250);
    }

    [Fact]
    public async Task AdvanceClock_WeeklyAccountBeforeItsAnchorDay_NoPayoutUntilTheAnchorDay()
    {
        // Arrange: the anchor is the weekday 10 days from now, so the 8-day move passes no anchor day after the funds are available
        var key = EmulatorFixture.NewApiKey();
        var now = DateTimeOffset.FromUnixTimeSeconds(emulator.Server.Now(key));
        var anchor = now.AddDays(10).DayOfWeek.ToString().ToLowerInvariant();
        var (client, _, _, onAccount) = await PaidCreatorOnKeyAsync(key, Schedule("weekly", weeklyAnchor: anchor));

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(8));
        var before = (await client.V1.Payouts.ListAsync(null, onAccount)).Data;
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(2));
        var after = (await client.V1.Payouts.ListAsync(null, onAccount)).Data;

        // Assert
        before.Should().BeEmpty("no anchor day came since the funds became available");
        after.Should().ContainSingle().Which.Amount.Should().Be(2250);
    }

    [Fact]
    public async Task Update_DelayDaysMinimum_EchoesTheCountrysMinimum()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express", Country = "US" });

        // Act
        var updated = await client.V1.Accounts.UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Settings = new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "daily", DelayDays = AccountSettingsPayoutsScheduleDelayDays.Minimum } } },
        });

        // Assert
        updated.Settings.Payouts.Schedule.DelayDays.Should().Be(2);
    }

    private async Task<(StripeClient Client, string Key, Account Account, RequestOptions OnAccount)> PaidCreatorOnKeyAsync(string key, AccountUpdateOptions schedule)
    {
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        await client.V1.Accounts.UpdateAsync(account.Id, schedule);
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        return (client, key, account, new RequestOptions { StripeAccount = account.Id });
    }
}
