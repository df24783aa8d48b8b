using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// <c>settings[payouts][schedule]</c> on connected accounts (https://docs.stripe.com/connect/manage-payout-schedule),
/// and the platform's country given to accounts created without one.
/// </summary>
public sealed class PayoutSchedulesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task CreateThenUpdate_Schedule_EchoedAndDelayKeptWhenManual()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Settings = new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "weekly", WeeklyAnchor = "friday", DelayDays = 10L } } },
        });
        var manual = await client.V1.Accounts.UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Settings = new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "manual" } } },
        });

        account.Country.Should().Be("FR", "an account without country gets the platform's");
        account.Settings.Payouts.Schedule.Interval.Should().Be("weekly");
        account.Settings.Payouts.Schedule.WeeklyAnchor.Should().Be("friday");
        account.Settings.Payouts.Schedule.DelayDays.Should().Be(10);
        manual.Settings.Payouts.Schedule.Interval.Should().Be("manual");
        manual.Settings.Payouts.Schedule.DelayDays.Should().Be(10);
    }

    [Fact]
    public async Task Create_WeeklyWithoutAnchor_ParameterMissing()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        var create = () => client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Settings = new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "weekly" } } },
        });

        (await create.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("settings[payouts][schedule][weekly_anchor]");
    }
}
