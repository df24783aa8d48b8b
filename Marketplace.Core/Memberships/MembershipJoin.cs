using System.Globalization;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.PriceSync;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe.Checkout;

namespace Marketplace.Core.Memberships;

/// <summary>What a Join click led to.</summary>
public enum JoinOutcome
{
    /// <summary>Go to <see cref="JoinResult.CheckoutUrl"/> (Stripe Checkout).</summary>
    RedirectToCheckout,

    /// <summary>The user is already a member of this creator (with access): go to their memberships.</summary>
    AlreadyMember,

    /// <summary>No such tier offered on this shop (archived, hidden, another shop's).</summary>
    NotFound,

    /// <summary>The tier took its member limit.</summary>
    Full,

    /// <summary>The creator cannot take payments (the guard); no Stripe call was made.</summary>
    ShopCannotTakePayments,

    /// <summary>The creator's own tier.</summary>
    OwnTier,
}

/// <summary>The outcome and, for <see cref="JoinOutcome.RedirectToCheckout"/>, the Checkout URL.</summary>
public sealed record JoinResult(JoinOutcome Outcome, string? CheckoutUrl = null);

/// <summary>
/// A signed-in user clicking Join on a creator's tier: the tier must be offered and not full; a user already a
/// member of the creator goes to their memberships; then <see cref="PaymentEligibility.CanCreatorReceivePayments"/> runs
/// before any Stripe call; then a pending <see cref="Membership"/> (reused per user and creator) and a platform Checkout
/// Session in <c>subscription</c> mode (https://docs.stripe.com/connect/subscriptions): the tier's monthly Price,
/// <c>subscription_data[transfer_data][destination]</c> = the creator's <c>acct_…</c>,
/// <c>subscription_data[application_fee_percent]</c> = the plan's commission (bps / 100, two decimals), metadata
/// <c>membership_id</c>, <c>membership_tier_id</c>, <c>creator_id</c> on the session and the subscription, <c>locale</c>,
/// and an idempotency key from the membership (<see cref="IdempotencyKeys.MembershipCheckout"/>). Throws what the gateway
/// throws when Stripe fails.
/// </summary>
public sealed class MembershipJoin(MarketplaceDbContext db, PaymentEligibility eligibility, MembershipTierPriceSync priceSync,
    IStripeGateway stripe, IDistributedLocks locks, IOptions<MembershipOptions> options, TimeProvider clock, ILogger<MembershipJoin> logger)
{
    /// <summary>
    /// Handles Join of <paramref name="tierId"/> on shop <paramref name="creatorId"/> by <paramref name="userId"/>
    /// (<paramref name="email"/> prefills Checkout). <paramref name="successUrl"/> and <paramref name="cancelUrl"/> are absolute;
    /// <paramref name="locale"/> is one of Stripe's Checkout locales.
    /// </summary>
    public async Task<JoinResult> JoinAsync(int creatorId, int tierId, string userId, string? email, string successUrl, string cancelUrl,
        string locale, CancellationToken cancellationToken = default)
    {
        var tier = await db.MembershipTiers.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == tierId && t.CreatorProfileId == creatorId && t.IsVisible && !t.IsArchived, cancellationToken);
        if (tier is null) return new(JoinOutcome.NotFound);
        if (await db.CreatorProfiles.AnyAsync(c => c.Id == creatorId && c.UserId == userId, cancellationToken)) return new(JoinOutcome.OwnTier);

        using var joinLock = await locks.AcquireAsync($"membership:user:{userId}:creator:{creatorId}", TimeSpan.FromSeconds(30), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.MemberUserId == userId && m.CreatorProfileId == creatorId, cancellationToken);
        if (membership is not null && (membership.HasAccess(now, options.Value.PastDueGrace) || membership.Status == "incomplete"))
            return new(JoinOutcome.AlreadyMember);
        if (tier.MemberLimit is { } limit)
        {
            var members = await db.Memberships.CountAsync(m => m.MembershipTierId == tier.Id && (m.Status == "active" || m.Status == "trialing" || m.Status == "past_due"), cancellationToken);
            if (members >= limit) return new(JoinOutcome.Full);
        }

        var guard = await eligibility.CanCreatorReceivePayments(creatorId, cancellationToken);
        if (!guard.IsEligible)
        {
            logger.LogInformation("Join of tier {TierId} refused: creator {CreatorId} cannot receive payments ({Unmet})", tier.Id, creatorId,
                string.Join(", ", guard.UnmetConditions.Select(c => c.Code)));
            return new(JoinOutcome.ShopCannotTakePayments);
        }

        var rateBps = await db.CreatorSubscriptions.Where(s => s.CreatorProfileId == creatorId)
            .Select(s => (int?)s.Plan!.Capabilities.CommissionRateBps).SingleOrDefaultAsync(cancellationToken);
        var destination = await db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorId).Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
        if (rateBps is null || destination is null) return new(JoinOutcome.ShopCannotTakePayments);

        if (membership is null)
        {
            membership = new Membership(userId, tier, now);
            db.Memberships.Add(membership);
        }
        else if (membership.MembershipTierId != tier.Id || membership.Status != Membership.PendingStatus)
        {
            membership.Restart(tier, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var priceId = tier.StripePriceId ?? await priceSync.SyncAsync(tier.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Membership tier {tier.Id} has no Stripe Price.");
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadataKeys.MembershipId] = Text(membership.Id),
            [StripeMetadataKeys.MembershipTierId] = Text(tier.Id),
            [StripeMetadataKeys.CreatorId] = Text(creatorId),
        };
        var session = await stripe.CreateCheckoutSessionAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            CustomerEmail = email,
            ClientReferenceId = Text(membership.Id),
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            Locale = locale,
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions
            {
                ApplicationFeePercent = rateBps.Value / 100m,
                TransferData = new SessionSubscriptionDataTransferDataOptions { Destination = destination },
                Metadata = new Dictionary<string, string>(metadata),
                Description = tier.Name,
            },
        }, IdempotencyKeys.MembershipCheckout(membership.Id, priceId, membership.UpdatedAt, locale), cancellationToken);
        return new(JoinOutcome.RedirectToCheckout, session.Url);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
