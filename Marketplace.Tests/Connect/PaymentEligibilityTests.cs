using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Connect;

/// <summary>
/// <see cref="PaymentEligibility.CanCreatorReceivePayments"/> on the app's real database: creators registered
/// as the app registers them, their Connect account and subscription rows changed through the entities' own methods.
/// Runs on SQLite (<see cref="PaymentEligibilityTests"/>) and PostgreSQL (PaymentEligibilityPostgresTests, in Marketplace.SystemTests).
/// </summary>
public abstract class PaymentEligibilityTests<TFactory> : IClassFixture<TFactory> where TFactory : MarketplaceFactory
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static int _accounts;
    private readonly TFactory _app;

    protected PaymentEligibilityTests(TFactory app) => _app = app;

    [Fact]
    public async Task CanCreatorReceivePayments_EveryConditionMet_Eligible()
    {
        var creatorId = await ReadyCreatorAsync();

        var result = await GuardAsync(creatorId);

        result.IsEligible.Should().BeTrue();
        result.UnmetConditions.Should().BeEmpty();
        result.Conditions.Should().HaveCount(8).And.OnlyContain(c => c.IsMet);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_NoConnectAccount_FailsWithNoConnectAccount()
    {
        var creatorId = await _app.RegisterCreatorAsync();

        var result = await GuardAsync(creatorId);

        result.IsEligible.Should().BeFalse();
        result.UnmetCodes.Should().Contain(PaymentEligibilityCodes.NoConnectAccount);
        result.UnmetConditions.Should().OnlyContain(c => !string.IsNullOrWhiteSpace(c.Message) && !string.IsNullOrWhiteSpace(c.WhatToDo));
    }

    [Fact]
    public async Task CanCreatorReceivePayments_ChargesDisabledOnly_FailsWithChargesDisabledAlone()
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(false, true, true, [], null, Now));

        (await GuardAsync(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.ChargesDisabled);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_PayoutsDisabledOnly_FailsWithPayoutsDisabledAlone()
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(true, false, true, [], null, Now));

        (await GuardAsync(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.PayoutsDisabled);
    }

    [Theory]
    [InlineData(false, new string[0], null)]
    [InlineData(true, new[] { "external_account" }, null)]
    [InlineData(true, new string[0], "requirements.past_due")]
    public async Task CanCreatorReceivePayments_OnboardingNotFinished_FailsWithOnboardingIncompleteAlone(bool detailsSubmitted, string[] pastDue, string? disabledReason)
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(true, true, detailsSubmitted, pastDue, disabledReason, Now, null,
            pastDue, null, "active"));

        (await GuardAsync(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.OnboardingIncomplete);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_CurrentlyDueBeforeFutureDeadline_Eligible()
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(true, true, true, ["individual.verification.document"], null, Now, null,
            [], Now.AddDays(10), "active"));

        (await GuardAsync(creatorId)).IsEligible.Should().BeTrue();
    }

    [Theory]
    [InlineData("inactive")]
    [InlineData("pending")]
    public async Task CanCreatorReceivePayments_TransfersCapabilityNotActive_FailsWithTransfersInactiveAlone(string status)
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(true, true, true, [], null, Now, null, [], null, status));

        var result = await GuardAsync(creatorId);

        result.UnmetCodes.Should().Equal(PaymentEligibilityCodes.TransfersInactive);
        result.UnmetConditions.Single().Message.Should().Be("Stripe has not activated transfers to your account yet.");
    }

    [Fact]
    public async Task CanCreatorReceivePayments_TransfersNotRecordedYet_Eligible()
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(true, true, true, [], null, Now));

        (await GuardAsync(creatorId)).IsEligible.Should().BeTrue();
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("ban")]
    public async Task CanCreatorReceivePayments_CreatorNotActive_FailsWithCreatorInactiveAlone(string action)
    {
        var creatorId = await ReadyCreatorAsync();
        await _app.WithDbAsync(async db =>
        {
            var creator = await db.CreatorProfiles.SingleAsync(c => c.Id == creatorId);
            if (action == "ban") creator.Ban();
            else creator.Suspend();
            return await db.SaveChangesAsync();
        });

        (await GuardAsync(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.CreatorInactive);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_AccountDeauthorized_FailsWithAccountDeauthorizedAlone()
    {
        var creatorId = await ReadyCreatorAsync(a => a.MarkDeauthorized(Now));

        (await GuardAsync(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.AccountDeauthorized);
    }

    [Theory]
    [InlineData(SubscriptionStatus.PastDue)]
    [InlineData(SubscriptionStatus.Unpaid)]
    public async Task CanCreatorReceivePayments_PaidSubscriptionNotPaidUp_FailsWithSubscriptionPastDueAlone(SubscriptionStatus status)
    {
        var creatorId = await ReadyCreatorAsync();
        await SetPaidSubscriptionAsync(creatorId, status);

        (await GuardAsync(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.SubscriptionPastDue);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_PaidSubscriptionActive_Eligible()
    {
        var creatorId = await ReadyCreatorAsync();
        await SetPaidSubscriptionAsync(creatorId, SubscriptionStatus.Active);

        (await GuardAsync(creatorId)).IsEligible.Should().BeTrue();
    }

    [Fact]
    public async Task CanCreatorReceivePayments_EveryConditionFailing_ListsEveryCode()
    {
        var creatorId = await ReadyCreatorAsync(a =>
        {
            a.ApplyStripeAccount(false, false, false, ["individual.dob.day"], "requirements.past_due", Now, null,
                ["individual.dob.day"], null, "inactive");
            a.MarkDeauthorized(Now);
        });
        await SetPaidSubscriptionAsync(creatorId, SubscriptionStatus.PastDue);
        await _app.WithDbAsync(async db =>
        {
            (await db.CreatorProfiles.SingleAsync(c => c.Id == creatorId)).Suspend();
            return await db.SaveChangesAsync();
        });

        var result = await GuardAsync(creatorId);

        result.IsEligible.Should().BeFalse();
        result.UnmetCodes.Should().BeEquivalentTo(
            PaymentEligibilityCodes.ChargesDisabled, PaymentEligibilityCodes.PayoutsDisabled, PaymentEligibilityCodes.TransfersInactive,
            PaymentEligibilityCodes.OnboardingIncomplete,
            PaymentEligibilityCodes.CreatorInactive, PaymentEligibilityCodes.AccountDeauthorized, PaymentEligibilityCodes.SubscriptionPastDue);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_UnknownCreator_FailsWithCreatorNotFound()
    {
        (await GuardAsync(int.MaxValue)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.CreatorNotFound);
    }

    [Fact]
    public async Task CanCreatorReceivePayments_CreatorWithAccountAndPaidPlan_OneDatabaseQuery()
    {
        var creatorId = await ReadyCreatorAsync(a => a.ApplyStripeAccount(true, true, true, ["external_account"], null, Now, null,
            ["external_account"], null, "active"));
        await SetPaidSubscriptionAsync(creatorId, SubscriptionStatus.Active);
        await using var scope = _app.Services.CreateAsyncScope();
        var counter = new CommandCounter();
        await using var db = _app.NewDbContext(scope.ServiceProvider, counter);

        var result = await new PaymentEligibility(db).CanCreatorReceivePayments(creatorId);

        result.UnmetCodes.Should().Equal(PaymentEligibilityCodes.OnboardingIncomplete);
        counter.Readers.Should().Be(1);
    }

    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int Readers { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Readers++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private async Task<PaymentEligibilityResult> GuardAsync(int creatorId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentEligibility>().CanCreatorReceivePayments(creatorId);
    }

    /// <summary>A registered creator with a Complete Connect account, then <paramref name="change"/> applied to that account.</summary>
    private async Task<int> ReadyCreatorAsync(Action<CreatorStripeAccount>? change = null)
    {
        var creatorId = await _app.RegisterCreatorAsync();
        await _app.WithDbAsync(async db =>
        {
            var account = new CreatorStripeAccount(creatorId, $"acct_test{Interlocked.Increment(ref _accounts)}_{creatorId}");
            account.ApplyStripeAccount(true, true, true, [], null, Now, null, [], null, "active");
            change?.Invoke(account);
            db.CreatorStripeAccounts.Add(account);
            return await db.SaveChangesAsync();
        });
        return creatorId;
    }

    private Task SetPaidSubscriptionAsync(int creatorId, SubscriptionStatus status) => _app.WithDbAsync(async db =>
    {
        var price = await db.PlanPrices.Include(p => p.Plan).FirstAsync(p => p.Plan!.Code == PlanCodes.Silver && p.IsActive);
        var free = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free);
        var subscription = await db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId);
        subscription.ApplyStripeSubscription(
            new StripeSubscriptionSnapshot($"sub_test_{creatorId}", $"cus_test_{creatorId}", status, Now, Now.AddMonths(1), false, null),
            price, free, Now, Now);
        return await db.SaveChangesAsync();
    });
}

/// <summary>The payment guard on SQLite.</summary>
public sealed class PaymentEligibilityTests(MarketplaceFactory app) : PaymentEligibilityTests<MarketplaceFactory>(app);
