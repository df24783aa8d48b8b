using Hangfire;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Orders;
using Marketplace.Core.PriceSync;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Memberships;

/// <summary>
/// A creator's own membership tiers: list, create, edit, archive. Every method takes the signed-in creator's id and only
/// touches that creator's rows. Tiers not archived are limited by the plan's <c>MaxMembershipTiers</c> (null: unlimited)
/// from <see cref="CreatorCapabilities"/>, counted and inserted under a per-creator lock as listings are. Each save
/// enqueues the tier's price sync (<see cref="MembershipTierPriceSyncJob"/>): Product and monthly Price in Stripe.
/// </summary>
public sealed class CreatorMembershipTiers(MarketplaceDbContext db, CreatorCapabilities capabilities, IDistributedLocks locks,
    MinimumChargeAmounts minimums, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>The creator's tiers not archived, cheapest first.</summary>
    public async Task<IReadOnlyList<MembershipTier>> ForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await db.MembershipTiers.AsNoTracking().Where(t => t.CreatorProfileId == creatorProfileId && !t.IsArchived)
            .OrderBy(t => t.MonthlyAmountMinor).ThenBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>One tier of the creator, not archived; null when it does not exist, is archived or is another creator's.</summary>
    public Task<MembershipTier?> FindAsync(int creatorProfileId, int tierId, CancellationToken cancellationToken = default) =>
        db.MembershipTiers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tierId && t.CreatorProfileId == creatorProfileId && !t.IsArchived, cancellationToken);

    /// <summary>Creates a tier, unless the input is invalid or the plan's limit is reached (nothing stored then).</summary>
    public async Task<MembershipTierResult> CreateAsync(int creatorProfileId, MembershipTierInput input, CancellationToken cancellationToken = default)
    {
        var (minor, error) = PriceOf(input);
        if (minor is null) return new(MembershipTierOutcome.Invalid, Error: error);
        MembershipTier tier;
        try
        {
            tier = new MembershipTier(creatorProfileId, input.Name ?? "", input.Description, input.Benefits, minor.Value, input.Currency!,
                input.MemberLimit, input.IsVisible, Now());
        }
        catch (DomainException ex)
        {
            return new(MembershipTierOutcome.Invalid, Error: ex.Text);
        }

        using (await locks.AcquireAsync($"membership-tiers:creator:{creatorProfileId}", TimeSpan.FromSeconds(30), cancellationToken))
        {
            if (await LimitReachedAsync(creatorProfileId, cancellationToken) is { } limit) return new(MembershipTierOutcome.LimitReached, Limit: limit);
            db.MembershipTiers.Add(tier);
            await db.SaveChangesAsync(cancellationToken);
        }

        EnqueueSync(tier.Id);
        return new(MembershipTierOutcome.Done, tier);
    }

    /// <summary>Changes a tier; a new amount or currency gets a new Stripe Price at the next sync (enqueued now).</summary>
    public async Task<MembershipTierResult> UpdateAsync(int creatorProfileId, int tierId, MembershipTierInput input, CancellationToken cancellationToken = default)
    {
        var tier = await TrackedAsync(creatorProfileId, tierId, cancellationToken);
        if (tier is null) return new(MembershipTierOutcome.NotFound);
        var (minor, error) = PriceOf(input);
        if (minor is null) return new(MembershipTierOutcome.Invalid, tier, error);
        try
        {
            tier.Update(input.Name ?? "", input.Description, input.Benefits, minor.Value, input.Currency!, input.MemberLimit, input.IsVisible, Now());
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return new(MembershipTierOutcome.Invalid, tier, ex.Text);
        }

        await db.SaveChangesAsync(cancellationToken);
        EnqueueSync(tier.Id);
        return new(MembershipTierOutcome.Done, tier);
    }

    /// <summary>Archives a tier: no longer offered nor counted; its Stripe Price is archived by the sync.</summary>
    public async Task<MembershipTierResult> ArchiveAsync(int creatorProfileId, int tierId, CancellationToken cancellationToken = default)
    {
        var tier = await TrackedAsync(creatorProfileId, tierId, cancellationToken);
        if (tier is null) return new(MembershipTierOutcome.NotFound);
        tier.Archive(Now());
        await db.SaveChangesAsync(cancellationToken);
        EnqueueSync(tier.Id);
        return new(MembershipTierOutcome.Done, tier);
    }

    /// <summary>The plan's limit when one more tier would pass it; null when there is room (or no limit).</summary>
    public async Task<MembershipTierLimit?> LimitReachedAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var caps = await capabilities.GetAsync(creatorProfileId, cancellationToken);
        var max = caps is null ? 0 : caps.MaxMembershipTiers;
        if (max is null) return null;
        var usage = await db.MembershipTiers.CountAsync(t => t.CreatorProfileId == creatorProfileId && !t.IsArchived, cancellationToken);
        if (usage < max) return null;
        var planName = await db.CreatorSubscriptions.Where(s => s.CreatorProfileId == creatorProfileId).Select(s => s.Plan!.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? "current";
        return new MembershipTierLimit(planName, max.Value, usage);
    }

    private (long? Minor, Text.CoreMessage? Error) PriceOf(MembershipTierInput input)
    {
        var (minor, error) = input.MonthlyPriceMinor();
        if (minor is null) return (null, error);
        var currency = input.Currency!.Trim();
        return minimums.For(currency) is { } minimum && minor < minimum
            ? (null, Text.CoreMessage.Of("Stripe's minimum charge in {0} is {1}: the price must be at least that.", currency.ToUpperInvariant(), new Text.CoreMoney(minimum, currency)))
            : (minor, null);
    }

    private void EnqueueSync(int tierId) => jobs.Enqueue<MembershipTierPriceSyncJob>(job => job.SyncAsync(tierId, CancellationToken.None));

    private Task<MembershipTier?> TrackedAsync(int creatorProfileId, int tierId, CancellationToken cancellationToken) =>
        db.MembershipTiers.SingleOrDefaultAsync(t => t.Id == tierId && t.CreatorProfileId == creatorProfileId && !t.IsArchived, cancellationToken);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
