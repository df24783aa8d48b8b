using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Connect;

/// <summary>
/// The payout schedule the platform keeps on creators' accounts (https://docs.stripe.com/connect/manage-payout-schedule):
/// the creator's own schedule, else the platform's (<see cref="PlatformScheduleAsync"/>), or <c>interval=manual</c> while a new creator is held
/// (<c>Payouts:NewCreatorHoldDays</c> / <c>NewCreatorHoldOrders</c>) or an admin paused them. Stripe is told first, then
/// our row is saved: a failed Stripe call changes nothing.
/// </summary>
public sealed class PayoutControl(MarketplaceDbContext db, IStripeGateway stripe, IOptions<PayoutOptions> options, TimeProvider clock, ILogger<PayoutControl> logger)
{
    /// <summary>The schedule a new account is created with: manual when new creators are held, else the platform's.</summary>
    public async Task<PayoutScheduleSettings> ScheduleForNewAccountAsync(CancellationToken cancellationToken = default) =>
        options.Value.HoldsNewCreators ? PayoutScheduleSettings.Manual : await PlatformScheduleAsync(cancellationToken);

    /// <summary>
    /// The platform's schedule for creators: the one an admin chose for all (<see cref="PlatformPayoutSchedule"/>), else
    /// <c>Payouts:Interval</c>… of the configuration.
    /// </summary>
    public async Task<PayoutScheduleSettings> PlatformScheduleAsync(CancellationToken cancellationToken = default) =>
        (await db.PlatformPayoutSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == PlatformPayoutSchedule.SingletonId, cancellationToken))?.Schedule
        ?? options.Value.Schedule;

    /// <summary>Starts the new-creator hold on a just-created account's row when new creators are held.</summary>
    public void StartHoldIfConfigured(CreatorStripeAccount account)
    {
        if (options.Value.HoldsNewCreators) account.HoldPayoutsAsNew(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// What Stripe should have for <paramref name="account"/>: manual while held or paused, else the creator's own schedule,
    /// else <paramref name="platform"/> (<see cref="PlatformScheduleAsync"/>).
    /// </summary>
    public static PayoutScheduleSettings ScheduleFor(CreatorStripeAccount account, PayoutScheduleSettings platform) =>
        account.PayoutsHeld ? PayoutScheduleSettings.Manual : account.OwnPayoutSchedule ?? platform;

    /// <summary>
    /// When a held new creator's payouts start at the latest (UTC): <see cref="CreatorStripeAccount.PayoutsHeldSince"/>
    /// plus <c>Payouts:NewCreatorHoldDays</c>; null when not held as new or when only paid orders release the hold.
    /// </summary>
    public DateTime? HoldEndsAt(CreatorStripeAccount account) =>
        account.PayoutsHeldSince is { } since && options.Value.NewCreatorHoldDays > 0 ? since.AddDays(options.Value.NewCreatorHoldDays) : null;

    /// <summary>Paid orders that end a new creator's hold (<c>Payouts:NewCreatorHoldOrders</c>; 0: orders do not).</summary>
    public int HoldOrders => options.Value.NewCreatorHoldOrders;

    /// <summary>
    /// Pauses creator <paramref name="creatorProfileId"/>'s payouts for <paramref name="reason"/> (shown to them): Stripe's
    /// schedule becomes manual. Returns the shop's name.
    /// </summary>
    /// <exception cref="DomainException">No such creator, no Connect account, or no reason.</exception>
    /// <exception cref="Stripe.StripeException">Stripe refused the change; nothing was saved.</exception>
    public async Task<string> PauseAsync(int creatorProfileId, string? reason, CancellationToken cancellationToken = default)
    {
        var account = await AccountAsync(creatorProfileId, cancellationToken);
        account.PausePayouts(reason);
        await stripe.UpdatePayoutScheduleAsync(account.StripeAccountId, PayoutScheduleSettings.Manual, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payouts of creator {CreatorId} paused by an admin", creatorProfileId);
        return account.CreatorProfile!.DisplayName;
    }

    /// <summary>
    /// Resumes creator <paramref name="creatorProfileId"/>'s payouts: the platform's schedule again (still manual while
    /// they are held as new). Returns the shop's name.
    /// </summary>
    /// <exception cref="DomainException">No such creator or no Connect account.</exception>
    /// <exception cref="Stripe.StripeException">Stripe refused the change; nothing was saved.</exception>
    public async Task<string> ResumeAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var account = await AccountAsync(creatorProfileId, cancellationToken);
        account.ResumePayouts();
        await stripe.UpdatePayoutScheduleAsync(account.StripeAccountId, ScheduleFor(account, await PlatformScheduleAsync(cancellationToken)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payouts of creator {CreatorId} resumed by an admin", creatorProfileId);
        return account.CreatorProfile!.DisplayName;
    }

    /// <summary>
    /// Ends the hold of every new creator whose hold time has passed or who has <c>Payouts:NewCreatorHoldOrders</c> paid
    /// orders, putting the platform's schedule on their account (manual still if an admin paused them). One failing
    /// account is logged and retried on the next run. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseDueHoldsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.CreatorStripeAccounts.Where(a => a.PayoutsHeldSince != null && !a.IsDeauthorized).ToListAsync(cancellationToken);
        var platform = await PlatformScheduleAsync(cancellationToken);
        var released = 0;
        foreach (var account in held)
        {
            var timeUp = HoldEndsAt(account) is { } end && end <= now;
            var enoughOrders = HoldOrders > 0 && await db.Orders.CountAsync(o => o.CreatorProfileId == account.CreatorProfileId && o.PaidAt != null, cancellationToken) >= HoldOrders;
            if (!timeUp && !enoughOrders && options.Value.HoldsNewCreators) continue;
            var since = account.PayoutsHeldSince!.Value;
            account.ReleaseNewCreatorHold();
            try
            {
                await stripe.UpdatePayoutScheduleAsync(account.StripeAccountId, ScheduleFor(account, platform), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                released++;
                logger.LogInformation("New-creator payout hold of creator {CreatorId} released", account.CreatorProfileId);
            }
            catch (Exception ex) when (StripeFailure.From(ex, cancellationToken) is not null)
            {
                account.HoldPayoutsAsNew(since);
                logger.LogWarning(ex, "Could not release the payout hold of creator {CreatorId}; next run retries", account.CreatorProfileId);
            }
        }

        return released;
    }

    /// <summary>
    /// Gives creator <paramref name="creatorProfileId"/> <paramref name="schedule"/> of their own (null: the platform's
    /// again), on Stripe first (manual still while they are held or paused). Returns the shop's name.
    /// </summary>
    /// <exception cref="DomainException">No such creator or no Connect account.</exception>
    /// <exception cref="Stripe.StripeException">Stripe refused the change; nothing was saved.</exception>
    public async Task<string> ChangeScheduleAsync(int creatorProfileId, PayoutScheduleSettings? schedule, CancellationToken cancellationToken = default)
    {
        var account = await AccountAsync(creatorProfileId, cancellationToken);
        account.SetOwnPayoutSchedule(schedule);
        await stripe.UpdatePayoutScheduleAsync(account.StripeAccountId, ScheduleFor(account, await PlatformScheduleAsync(cancellationToken)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payout schedule of creator {CreatorId} changed by an admin to {Interval}", creatorProfileId, schedule?.Interval ?? "the platform's");
        return account.CreatorProfile!.DisplayName;
    }

    private async Task<CreatorStripeAccount> AccountAsync(int creatorProfileId, CancellationToken cancellationToken) =>
        await db.CreatorStripeAccounts.Include(a => a.CreatorProfile).SingleOrDefaultAsync(a => a.CreatorProfileId == creatorProfileId, cancellationToken)
        ?? throw new DomainException("This creator has no Stripe account yet.");
}
