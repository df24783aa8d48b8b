using Marketplace.Core;
using Marketplace.Core.Connect;
using Marketplace.StripeGateway;
using Marketplace.UnitTests.Webhooks.Handlers;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Marketplace.UnitTests.Connect;

/// <summary>The change of every creator's payout schedule: checked like Stripe's parameters, applied resumably.</summary>
public sealed class PayoutScheduleRolloutTests
{
    [Fact]
    public async Task ApplyAsync_StripeUnreachableAtTheSecondAccount_ThrowsThenTheNextRunGoesOnFromIt()
    {
        await using var harness = await HandlerHarness.CreateAsync();
        foreach (var name in new[] { "a", "b", "c" })
            await harness.LinkAccountAsync(await harness.AddCreatorAsync($"{name}@example.com"), $"acct_{name}");
        var calls = new List<string>();
        var down = true;
        harness.Stripe.UpdatePayoutScheduleAsync(Arg.Any<string>(), Arg.Any<PayoutScheduleSettings>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var id = call.ArgAt<string>(0);
            if (id == "acct_b" && down)
            {
                down = false;
                throw new HttpRequestException("Stripe is unreachable");
            }

            calls.Add($"{id}:{call.ArgAt<PayoutScheduleSettings>(1).Interval}");
            return Task.FromResult(new Stripe.Account { Id = id });
        });
        await harness.RunAsync<PayoutScheduleRollout, int>(rollout => rollout.StartAsync(new PayoutScheduleSettings("weekly", WeeklyAnchor: "friday")));
        var version = await harness.QueryAsync(db => db.PlatformPayoutSchedules.Select(s => s.Version).SingleAsync());

        var firstRun = () => harness.RunAsync<PayoutScheduleRollout, int>(rollout => rollout.ApplyAsync(version));
        await firstRun.Should().ThrowAsync<HttpRequestException>();
        var midway = await harness.QueryAsync(db => db.PlatformPayoutSchedules.AsNoTracking().SingleAsync());
        var secondRun = await harness.RunAsync<PayoutScheduleRollout, int>(rollout => rollout.ApplyAsync(version));
        var finished = await harness.QueryAsync(db => db.PlatformPayoutSchedules.AsNoTracking().SingleAsync());

        (midway.Done, midway.Total, midway.FinishedAt).Should().Be((1, 3, (DateTime?)null));
        secondRun.Should().Be(2);
        calls.Should().Equal("acct_a:weekly", "acct_b:weekly", "acct_c:weekly");
        (finished.Done, finished.Failed, finished.FinishedAt is not null).Should().Be((3, 0, true));
    }

    [Theory]
    [InlineData("hourly", null, null, null, "Choose daily, weekly or monthly payouts.")]
    [InlineData("weekly", "someday", null, null, "Choose the weekday of weekly payouts.")]
    [InlineData("monthly", null, 32, null, "The day of monthly payouts must be between 1 and 31.")]
    [InlineData("daily", null, null, 366, "Delay days must be between 0 and 365, or empty for Stripe's minimum.")]
    public void Parse_OutsideWhatStripeAccepts_SaysWhy(string interval, string? weekly, int? monthly, int? delay, string expected) =>
        FluentActions.Invoking(() => PayoutScheduleChoice.Parse(interval, weekly, monthly, delay))
            .Should().Throw<DomainException>().Which.Text.ToString().Should().Be(expected);

    [Fact]
    public void Parse_MonthlyWithAWeekday_KeepsOnlyTheMonthlyAnchor() =>
        PayoutScheduleChoice.Parse(" Monthly ", "friday", 31, 3).Should().Be(new PayoutScheduleSettings("monthly", null, 31, 3));
}
