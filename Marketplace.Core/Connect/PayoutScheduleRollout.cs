using Hangfire;
using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Connect;

/// <summary>
/// An admin's change of every creator's payout schedule (https://docs.stripe.com/connect/manage-payout-schedule;
/// <c>POST /v1/accounts/{id}</c> with <c>settings[payouts][schedule]</c>, https://docs.stripe.com/api/accounts/update):
/// saved as the platform's schedule (<see cref="PlatformPayoutSchedule"/>, which new accounts get too), then put on each
/// Connect account one at a time by <see cref="ApplyPayoutScheduleJob"/>, in the background Stripe lane (within the
/// process's request budget, never taking the share kept for people waiting). A creator's own schedule is replaced by
/// the platform's; a creator held as new or paused stays manual until released. Each account done moves the row's cursor
/// in its own save, so a run that stopped (deploy, crash, Stripe unreachable) goes on from the next account.
/// </summary>
public sealed class PayoutScheduleRollout(MarketplaceDbContext db, IStripeGateway stripe, IBackgroundJobClient jobs, TimeProvider clock,
    ILogger<PayoutScheduleRollout> logger)
{
    /// <summary>The platform's schedule as an admin last set it and its rollout's progress; null when never set (the configuration's applies).</summary>
    public Task<PlatformPayoutSchedule?> CurrentAsync(CancellationToken cancellationToken = default) =>
        db.PlatformPayoutSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == PlatformPayoutSchedule.SingletonId, cancellationToken);

    /// <summary>
    /// Makes <paramref name="schedule"/> (not manual) the platform's and starts putting it on every connected creator's
    /// account; a rollout still running for an earlier change stops at its next account. Returns the number of accounts.
    /// </summary>
    public async Task<int> StartAsync(PayoutScheduleSettings schedule, CancellationToken cancellationToken = default)
    {
        var total = await db.CreatorStripeAccounts.CountAsync(a => !a.IsDeauthorized, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.PlatformPayoutSchedules.SingleOrDefaultAsync(s => s.Id == PlatformPayoutSchedule.SingletonId, cancellationToken);
        if (row is null) db.PlatformPayoutSchedules.Add(row = new PlatformPayoutSchedule(schedule, now));
        row.Change(schedule, total, now);
        await db.SaveChangesAsync(cancellationToken);
        var version = row.Version;
        jobs.Enqueue<ApplyPayoutScheduleJob>(job => job.RunAsync(version, CancellationToken.None));
        logger.LogInformation("Payout schedule {Interval} set for all creators ({Total} accounts to update, version {Version})", schedule.Interval, total, version);
        return total;
    }

    /// <summary>
    /// Puts change <paramref name="version"/> on the accounts not done yet, in id order; stops when a newer change was
    /// made. A refusal by Stripe is counted as failed and the account left as it was; Stripe unreachable throws, so that
    /// the job is retried from the same account. Returns the accounts updated by this run.
    /// </summary>
    /// <exception cref="Stripe.StripeException">Stripe could not be reached (the job's retry goes on from the cursor).</exception>
    public async Task<int> ApplyAsync(int version, CancellationToken cancellationToken = default)
    {
        var updated = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var row = await db.PlatformPayoutSchedules.SingleOrDefaultAsync(s => s.Id == PlatformPayoutSchedule.SingletonId, cancellationToken);
            if (row is null || row.Version != version || row.FinishedAt is not null) return updated;
            var account = await db.CreatorStripeAccounts.Where(a => a.Id > row.Cursor && !a.IsDeauthorized).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                row.Finish(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Payout schedule version {Version} applied: {Done} accounts, {Failed} failed", version, row.Done, row.Failed);
                return updated;
            }

            var own = account.OwnPayoutSchedule;
            account.SetOwnPayoutSchedule(null);
            var failed = false;
            try
            {
                await stripe.UpdatePayoutScheduleAsync(account.StripeAccountId, PayoutControl.ScheduleFor(account, row.Schedule), cancellationToken);
                updated++;
            }
            catch (Exception ex) when (StripeFailure.From(ex, cancellationToken) is { IsRefusal: true } refusal)
            {
                account.SetOwnPayoutSchedule(own);
                failed = true;
                logger.LogWarning("Stripe refused payout schedule version {Version} for creator {CreatorId}: {Message}", version, account.CreatorProfileId, refusal.Message);
            }

            row.Advance(account.Id, failed);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return updated; // a newer change restarted the rollout: its own job takes over
            }
        }
    }
}
