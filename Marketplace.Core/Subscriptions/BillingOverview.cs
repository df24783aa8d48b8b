using Marketplace.Core.Data;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Subscriptions;

/// <summary>
/// A creator's subscription as the subscription page and <c>GET /api/billing/me</c> show it (one source, so they agree):
/// plan, interval, status, period, trial, the plan's capabilities (<see cref="Plan.Capabilities"/>, as <see cref="CreatorCapabilities"/> reads them),
/// usage against them, and the payment ledger newest first. Times UTC, amounts in minor units.
/// </summary>
public sealed record BillingOverview(
    string PlanCode,
    string PlanName,
    PlanPrice? Price,
    SubscriptionStatus Status,
    bool IsFree,
    DateTime? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    DateTime? TrialEnd,
    PlanCapabilities Capabilities,
    int ActiveListings,
    IReadOnlyList<Payment> Payments)
{
    /// <summary>Stripe's word for the status: <c>active</c>, <c>trialing</c>, <c>past_due</c>, …</summary>
    public string StripeStatus => Status switch
    {
        SubscriptionStatus.PastDue => "past_due",
        SubscriptionStatus.IncompleteExpired => "incomplete_expired",
        _ => Status.ToString().ToLowerInvariant(),
    };

    /// <summary>The plan's French name (<see cref="Plan.NameFr"/>); empty when it has none.</summary>
    public string PlanNameFr { get; init; } = "";

    /// <summary>The plan's name in <paramref name="culture"/>'s language, as <see cref="Plan.NameIn"/>.</summary>
    public string PlanNameIn(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" && PlanNameFr.Length > 0 ? PlanNameFr : PlanName;

    /// <summary><c>month</c> or <c>year</c>; null on Free.</summary>
    public string? Interval => Price?.Interval.ToString().ToLowerInvariant();

    /// <summary>True when a payment failed and the creator must update their payment method (past_due or unpaid).</summary>
    public bool NeedsPaymentMethod => !IsFree && Status is SubscriptionStatus.PastDue or SubscriptionStatus.Unpaid;

    /// <summary>The status in words, e.g. "Trialing until 2026-12-09", "Cancels on 2026-12-25", "Past due — update your payment method".</summary>
    public string StatusInWords => Status switch
    {
        SubscriptionStatus.PastDue or SubscriptionStatus.Unpaid => "Past due — update your payment method",
        _ when CancelAtPeriodEnd => $"Cancels on {Day(CurrentPeriodEnd)}",
        SubscriptionStatus.Trialing => $"Trialing until {Day(TrialEnd)}",
        SubscriptionStatus.Canceled => "Canceled",
        SubscriptionStatus.Active => "Active",
        _ => Status.ToString(),
    };

    private static string Day(DateTime? value) => value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}

/// <summary>Reads <see cref="BillingOverview"/> for one creator.</summary>
public sealed class BillingOverviewQuery(MarketplaceDbContext db)
{
    /// <summary>The creator's overview; null when the creator has no subscription row.</summary>
    public async Task<BillingOverview?> ForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var row = await db.CreatorSubscriptions.AsNoTracking().Include(s => s.Plan).Include(s => s.PlanPrice)
            .SingleOrDefaultAsync(s => s.CreatorProfileId == creatorProfileId, cancellationToken);
        return row is null ? null : await ForSubscriptionAsync(row, cancellationToken);
    }

    /// <summary>
    /// The overview of a subscription row already loaded with its <see cref="CreatorSubscription.Plan"/> and
    /// <see cref="CreatorSubscription.PlanPrice"/> (e.g. the signed-in creator's profile): two queries, the active
    /// listings count and the payments.
    /// </summary>
    /// <exception cref="ArgumentException">The row was loaded without its plan.</exception>
    public async Task<BillingOverview> ForSubscriptionAsync(CreatorSubscription row, CancellationToken cancellationToken = default)
    {
        var plan = row.Plan ?? throw new ArgumentException("Load the subscription with its Plan (Include).", nameof(row));
        var creatorProfileId = row.CreatorProfileId;
        var listings = await db.Listings.CountAsync(l => l.CreatorProfileId == creatorProfileId && l.IsActive, cancellationToken);
        var payments = await db.Payments.AsNoTracking().Where(p => p.CreatorProfileId == creatorProfileId)
            .OrderByDescending(p => p.PaidAt).ThenByDescending(p => p.Id).Take(100).ToListAsync(cancellationToken);
        return new BillingOverview(plan.Code, plan.Name, row.PlanPrice, row.Status, row.IsFree, row.CurrentPeriodEnd,
            row.CancelAtPeriodEnd, row.TrialEnd, plan.Capabilities, listings, payments) { PlanNameFr = plan.NameFr };
    }
}
