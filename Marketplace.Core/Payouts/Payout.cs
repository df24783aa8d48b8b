using Marketplace.Core.Creators;

namespace Marketplace.Core.Payouts;

/// <summary>
/// Our copy of one payout of a creator's Connect account to their bank (https://docs.stripe.com/api/payouts/object),
/// written by the Connect endpoint's <c>payout.*</c> handlers from a refetch of the payout (Stripe is the truth).
/// Amounts are minor units of <see cref="Currency"/>; times are UTC.
/// </summary>
public class Payout
{
    /// <summary>Longest <c>failure_message</c> kept (Stripe's are one sentence).</summary>
    public const int MaxFailureMessageLength = 500;

    private Payout()
    {
    }

    /// <summary>A payout first seen now, for creator <paramref name="creatorProfileId"/>; apply Stripe's state with <see cref="ApplyStripePayout"/>.</summary>
    /// <exception cref="DomainException">The ids are not Stripe's <c>po_…</c> and <c>acct_…</c>.</exception>
    public Payout(int creatorProfileId, string stripeAccountId, string stripePayoutId, DateTime now)
    {
        if (!stripePayoutId.StartsWith("po_", StringComparison.Ordinal)) throw new DomainException($"'{stripePayoutId}' is not a Stripe payout id.");
        if (!stripeAccountId.StartsWith("acct_", StringComparison.Ordinal)) throw new DomainException($"'{stripeAccountId}' is not a Stripe account id.");
        CreatorProfileId = creatorProfileId;
        StripeAccountId = stripeAccountId;
        StripePayoutId = stripePayoutId;
        Status = PayoutStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    /// <summary>The connected account paid out from, <c>acct_…</c>.</summary>
    public string StripeAccountId { get; private set; } = "";

    /// <summary>Stripe's payout id, <c>po_…</c> (unique).</summary>
    public string StripePayoutId { get; private set; } = "";

    /// <summary>The payout's <c>amount</c>, minor units of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; private set; }

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>Stripe's <c>arrival_date</c>: when the money is expected in the bank, UTC.</summary>
    public DateTime ArrivalDate { get; private set; }

    public PayoutStatus Status { get; private set; }

    /// <summary>Stripe's <c>failure_code</c> (<c>account_closed</c>, …) once failed; null otherwise.</summary>
    public string? FailureCode { get; private set; }

    /// <summary>Stripe's <c>failure_message</c> once failed; null otherwise.</summary>
    public string? FailureMessage { get; private set; }

    /// <summary>The payout's <c>created</c> at Stripe, UTC: which payout is later than which.</summary>
    public DateTime StripeCreatedAt { get; private set; }

    /// <summary>When this row was first written, UTC.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When Stripe's state was last applied with a change, UTC.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// Applies the payout as Stripe returned it. A status behind the one recorded (a refetch answered before a newer
    /// one, <see cref="PayoutStatuses.Rank"/>) changes nothing. Returns whether anything changed.
    /// </summary>
    public bool ApplyStripePayout(StripePayoutSnapshot payout, DateTime now)
    {
        if (payout.Id != StripePayoutId) throw new DomainException($"Payout {payout.Id} applied to row of {StripePayoutId}.");
        var fresh = AmountMinor == 0 && Currency.Length == 0;
        if (!fresh && payout.Status.Rank() < Status.Rank()) return false;
        var message = payout.FailureMessage is { Length: > MaxFailureMessageLength } text ? text[..MaxFailureMessageLength] : payout.FailureMessage;
        var changed = fresh || AmountMinor != payout.AmountMinor || Currency != payout.Currency || ArrivalDate != payout.ArrivalDate
            || Status != payout.Status || FailureCode != payout.FailureCode || FailureMessage != message || StripeCreatedAt != payout.CreatedAt;
        if (!changed) return false;
        AmountMinor = payout.AmountMinor;
        Currency = payout.Currency.ToLowerInvariant();
        ArrivalDate = payout.ArrivalDate;
        Status = payout.Status;
        FailureCode = payout.FailureCode;
        FailureMessage = message;
        StripeCreatedAt = payout.CreatedAt;
        UpdatedAt = now;
        return true;
    }
}

/// <summary>
/// The fields of a Stripe payout the marketplace keeps: <paramref name="Id"/> <c>po_…</c>, <paramref name="AmountMinor"/>
/// in minor units of <paramref name="Currency"/> (ISO 4217), <paramref name="ArrivalDate"/> and <paramref name="CreatedAt"/>
/// UTC, Stripe's <paramref name="FailureCode"/> and <paramref name="FailureMessage"/> (null unless failed).
/// </summary>
public sealed record StripePayoutSnapshot(string Id, long AmountMinor, string Currency, DateTime ArrivalDate, PayoutStatus Status,
    string? FailureCode, string? FailureMessage, DateTime CreatedAt);
