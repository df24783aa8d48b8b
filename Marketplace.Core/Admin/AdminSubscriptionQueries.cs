using Marketplace.Core.Data;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Paging;

namespace Marketplace.Core.Admin;

/// <summary>The status filter of <c>/admin/subscriptions</c>, in Stripe's words.</summary>
public static class SubscriptionStatusFilter
{
    /// <summary>The values offered, Stripe's subscription <c>status</c> strings.</summary>
    public static IReadOnlyList<string> Values { get; } = ["active", "trialing", "past_due", "unpaid", "incomplete", "canceled"];

    /// <summary>Stripe's string for a status, e.g. <see cref="SubscriptionStatus.PastDue"/> → <c>past_due</c>.</summary>
    public static string ToStripe(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.PastDue => "past_due",
        SubscriptionStatus.IncompleteExpired => "incomplete_expired",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>One creator subscription as the admin list shows it; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record AdminSubscriptionRow(
    int Id,
    int CreatorId,
    string CreatorName,
    string CreatorSlug,
    string PlanCode,
    string PlanName,
    PlanInterval? Interval,
    long? AmountMinor,
    string? Currency,
    SubscriptionStatus Status,
    bool IsFree,
    bool CancelAtPeriodEnd,
    DateTime? CurrentPeriodEnd,
    DateTime? TrialEnd,
    string? StripeCustomerId,
    string? StripeSubscriptionId,
    DateTime UpdatedAt);

/// <summary>Lists creator subscriptions for <c>/admin/subscriptions</c>.</summary>
public sealed class AdminSubscriptionQueries(MarketplaceDbContext db)
{
    /// <summary>
    /// A page of subscriptions, newest row first (by id, stable across pages). Without a status the list holds every
    /// current Stripe subscription. A status (Stripe's word, see <see cref="SubscriptionStatusFilter.Values"/>) keeps
    /// that status; <c>canceled</c> lists creators back on the Free plan after a paid subscription (a Paid ledger row or a
    /// trial consumed), since a canceled subscription returns its creator to Free, plus any row still marked canceled.
    /// <paramref name="planCode"/> keeps one plan (e.g. <c>SILVER</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="status"/> is not a Stripe subscription status.</exception>
    public async Task<PagedList<AdminSubscriptionRow>> SearchAsync(string? status, string? planCode, int? page,
        int pageSize = PagedList<AdminSubscriptionRow>.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var query = db.CreatorSubscriptions.AsNoTracking();
        if (string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(s => s.StripeSubscriptionId != null);
        }
        else if (status == "canceled")
        {
            query = query.Where(s => s.Status == SubscriptionStatus.Canceled
                || (s.StripeSubscriptionId == null
                    && (s.TrialConsumedAt != null || db.Payments.Any(p => p.CreatorProfileId == s.CreatorProfileId && p.Status == PaymentStatus.Paid))));
        }
        else
        {
            var wanted = StripeSubscriptionSnapshot.ParseStatus(status);
            query = query.Where(s => s.StripeSubscriptionId != null && s.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(planCode))
        {
            var code = planCode.Trim().ToUpperInvariant();
            query = query.Where(s => s.Plan!.Code == code);
        }

        var total = await query.CountAsync(cancellationToken);
        var current = PageNumbers.Clamp(page, total, pageSize);
        var items = await query.OrderByDescending(s => s.Id).Skip((current - 1) * pageSize).Take(pageSize)
            .Select(s => new AdminSubscriptionRow(
                s.Id,
                s.CreatorProfileId,
                s.CreatorProfile!.DisplayName,
                s.CreatorProfile.Slug,
                s.Plan!.Code,
                s.Plan.Name,
                s.PlanPrice != null ? s.PlanPrice.Interval : (PlanInterval?)null,
                s.PlanPrice != null ? s.PlanPrice.AmountMinor : (long?)null,
                s.PlanPrice != null ? s.PlanPrice.Currency : null,
                s.Status,
                s.StripeSubscriptionId == null,
                s.CancelAtPeriodEnd,
                s.CurrentPeriodEnd,
                s.TrialEnd,
                s.StripeCustomerId,
                s.StripeSubscriptionId,
                s.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<AdminSubscriptionRow>(items, current, pageSize, total);
    }

    /// <summary>The plans for the filter: code and name, in the catalogue's order.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> PlansAsync(CancellationToken cancellationToken = default) =>
        (await db.Plans.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
        .Select(p => (p.Code, p.Name)).ToList();
}
