namespace Marketplace.Core.Payouts;

/// <summary>
/// A payout's <c>status</c> as Stripe names it (https://docs.stripe.com/api/payouts/object#payout_object-status):
/// <c>pending</c>, <c>in_transit</c>, <c>paid</c>, <c>failed</c>, <c>canceled</c>. Stored by name.
/// </summary>
public enum PayoutStatus
{
    Pending,
    InTransit,
    Paid,
    Failed,
    Canceled,
}

/// <summary>Stripe's words for <see cref="PayoutStatus"/>, and how far along a payout each status is.</summary>
public static class PayoutStatuses
{
    /// <summary>Stripe's <c>status</c> string (<c>in_transit</c>, …) as the enum; null for a status this code does not know.</summary>
    public static PayoutStatus? FromStripe(string? status) => status switch
    {
        "pending" => PayoutStatus.Pending,
        "in_transit" => PayoutStatus.InTransit,
        "paid" => PayoutStatus.Paid,
        "failed" => PayoutStatus.Failed,
        "canceled" => PayoutStatus.Canceled,
        _ => null,
    };

    /// <summary>Stripe's word: <c>pending</c>, <c>in_transit</c>, <c>paid</c>, <c>failed</c>, <c>canceled</c>.</summary>
    public static string ToStripe(this PayoutStatus status) => status switch
    {
        PayoutStatus.InTransit => "in_transit",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// How far along the payout is: pending 0, in_transit 1, paid 2, failed and canceled 3. Stripe moves a payout
    /// forward only (a <c>paid</c> payout can still become <c>failed</c>, https://docs.stripe.com/payouts#payout-failures),
    /// so a refetch answered before a newer one never moves a row back.
    /// </summary>
    public static int Rank(this PayoutStatus status) => status switch
    {
        PayoutStatus.Pending => 0,
        PayoutStatus.InTransit => 1,
        PayoutStatus.Paid => 2,
        _ => 3,
    };
}
