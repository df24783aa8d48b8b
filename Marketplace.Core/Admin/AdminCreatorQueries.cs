using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Paging;

namespace Marketplace.Core.Admin;

/// <summary>One creator as the admin list shows them, with the payment guard's answer.</summary>
/// <param name="StripeAccountId">The Connect account (<c>acct_…</c>); null before onboarding starts.</param>
/// <param name="OnboardingStatus">Our reading of the Connect account; null without one.</param>
/// <param name="Eligibility">The guard's result (<see cref="PaymentEligibility.Evaluate"/> on this creator's facts).</param>
public sealed record AdminCreatorRow(
    int Id,
    string DisplayName,
    string Slug,
    string? Email,
    CreatorStatus Status,
    bool IsActive,
    DateTime CreatedAt,
    string? StripeAccountId,
    OnboardingStatus? OnboardingStatus,
    bool IsDeauthorized,
    string? PlanCode,
    string? PlanName,
    SubscriptionStatus? SubscriptionStatus,
    bool IsFreePlan,
    PaymentEligibilityResult Eligibility)
{
    /// <summary>Why an admin paused this creator's payouts; null when not paused.</summary>
    public string? PayoutsPausedReason { get; init; }
}

/// <summary>Searches creators for <c>/admin/creators</c>.</summary>
public sealed class AdminCreatorQueries(MarketplaceDbContext db)
{
    /// <summary>
    /// A page of creators whose display name, slug or email contains <paramref name="search"/> (any case; empty: all),
    /// ordered by id (oldest first, stable across pages). Three queries whatever the page size: the count, the rows,
    /// and the guard's facts of the page's creators.
    /// </summary>
    /// <param name="search">Part of a name, slug or email; trimmed; null or blank for every creator.</param>
    /// <param name="page">1-based page; clamped to the pages that exist.</param>
    /// <param name="pageSize">Rows per page (25 on the admin page).</param>
    public async Task<PagedList<AdminCreatorRow>> SearchAsync(string? search, int? page, int pageSize = PagedList<AdminCreatorRow>.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var query = from c in db.CreatorProfiles.AsNoTracking()
                    join u in db.Users.AsNoTracking() on c.UserId equals u.Id
                    select new { Creator = c, u.Email, u.NormalizedEmail };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var pattern = LikePattern.Contains(term);
            var upperPattern = LikePattern.Contains(term.ToUpperInvariant());
            var lowerPattern = LikePattern.Contains(term.ToLowerInvariant());
            query = query.Where(x => EF.Functions.Like(x.Creator.DisplayName, pattern, LikePattern.Escape)
                || EF.Functions.Like(x.Creator.Slug, lowerPattern, LikePattern.Escape)
                || EF.Functions.Like(x.NormalizedEmail!, upperPattern, LikePattern.Escape));
        }

        var total = await query.CountAsync(cancellationToken);
        var current = PageNumbers.Clamp(page, total, pageSize);
        var rows = await query.OrderBy(x => x.Creator.Id).Skip((current - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Creator.Id,
                x.Creator.DisplayName,
                x.Creator.Slug,
                x.Email,
                x.Creator.Status,
                x.Creator.IsActive,
                x.Creator.CreatedAt,
                StripeAccountId = x.Creator.StripeAccount != null ? x.Creator.StripeAccount.StripeAccountId : null,
                OnboardingStatus = x.Creator.StripeAccount != null ? x.Creator.StripeAccount.OnboardingStatus : (OnboardingStatus?)null,
                IsDeauthorized = x.Creator.StripeAccount != null && x.Creator.StripeAccount.IsDeauthorized,
                PayoutsPausedReason = x.Creator.StripeAccount != null ? x.Creator.StripeAccount.PayoutsPausedReason : null,
                PlanCode = x.Creator.Subscription != null ? x.Creator.Subscription.Plan!.Code : null,
                PlanName = x.Creator.Subscription != null ? x.Creator.Subscription.Plan!.Name : null,
                SubscriptionStatus = x.Creator.Subscription != null ? x.Creator.Subscription.Status : (SubscriptionStatus?)null,
                IsFree = x.Creator.Subscription != null && x.Creator.Subscription.StripeSubscriptionId == null,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var facts = await db.CreatorProfiles.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(PaymentEligibility.FactsProjection)
            .ToDictionaryAsync(f => f.CreatorId, f => f.Facts, cancellationToken);

        var items = rows.Select(r => new AdminCreatorRow(r.Id, r.DisplayName, r.Slug, r.Email, r.Status, r.IsActive, r.CreatedAt,
            r.StripeAccountId, r.OnboardingStatus, r.IsDeauthorized, r.PlanCode, r.PlanName, r.SubscriptionStatus, r.IsFree,
            PaymentEligibility.Evaluate(facts[r.Id])) { PayoutsPausedReason = r.PayoutsPausedReason }).ToList();
        return new PagedList<AdminCreatorRow>(items, current, pageSize, total);
    }
}
