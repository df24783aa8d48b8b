using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Marketplace.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.CreatorHome;

/// <summary>
/// The start checklist of <c>/creator</c>, in order: payments set up (the payment guard passes), a plan chosen (a paid
/// plan, or Free kept on purpose from the checklist), a first listing, the shop shared (its link opened through
/// "View my shop" or copied with "Copy link").
/// </summary>
public sealed record StartChecklist(bool PaymentsReady, bool PlanChosen, bool HasListing, bool ShopShared)
{
    /// <summary>Every step is done: the page shows the figures only.</summary>
    public bool IsDone => PaymentsReady && PlanChosen && HasListing && ShopShared;
}

/// <summary>One UTC day of one currency: paid orders (by <c>PaidAt</c>) and what the creator keeps from them, minor units (refunds and fees deducted).</summary>
public sealed record DailySales(DateOnly Day, int OrderCount, long NetMinor);

/// <summary>One currency's last days, oldest first, every day present (zero when no sale).</summary>
public sealed record CurrencySales(string Currency, IReadOnlyList<DailySales> Days)
{
    /// <summary>Paid orders over the period.</summary>
    public int OrderCount => Days.Sum(d => d.OrderCount);

    /// <summary>Net to the creator over the period, minor units.</summary>
    public long NetMinor => Days.Sum(d => d.NetMinor);
}

/// <summary>A listing with its paid orders over the period.</summary>
public sealed record TopListing(int ListingId, string Title, int OrderCount)
{
    /// <summary>Views of the listing's page over the same days.</summary>
    public long Views { get; init; }
}

/// <summary>
/// The shop's page views over the days shown (<see cref="PageViews.PageViewDay"/>, written in batches: the last
/// <c>PageViews:FlushSeconds</c> may be missing): the storefront's, the listing pages', and the paid orders per listing
/// view (<see cref="Conversion"/>, null without a listing view).
/// </summary>
public sealed record ShopViews(long StorefrontViews, long ListingViews, int PaidOrders)
{
    /// <summary>Every page view, storefront and listings.</summary>
    public long Total => StorefrontViews + ListingViews;

    /// <summary>Paid orders ÷ listing page views (0.05 is 5 %); null when no listing page was seen.</summary>
    public double? Conversion => ListingViews == 0 ? null : (double)PaidOrders / ListingViews;
}

/// <summary>What <c>/creator</c> shows: the checklist, the last <see cref="CreatorHomeQueries.Days"/> days per currency, top listings, open disputes.</summary>
public sealed record CreatorHomeView(StartChecklist Checklist, IReadOnlyList<CurrencySales> Sales, IReadOnlyList<TopListing> TopListings, int OpenDisputes)
{
    /// <summary>The shop's views and conversion over the same days.</summary>
    public ShopViews Views { get; init; } = new(0, 0, 0);

    /// <summary>The Connect account's balance and next payout, from Stripe (<see cref="Payouts.ConnectBalanceQuery.MoneyForCreatorAsync"/>).</summary>
    public Payouts.CreatorMoney Money { get; init; } = new(false, null, null);
}

/// <summary>Reads the creator's home page (<see cref="CreatorHomeView"/>); only that creator's rows.</summary>
public sealed class CreatorHomeQueries(MarketplaceDbContext db, PaymentEligibility eligibility, TimeProvider clock)
{
    /// <summary>How many days of sales the page shows, today (UTC) included.</summary>
    public const int Days = 30;

    /// <summary>The home page of creator <paramref name="creatorProfileId"/>.</summary>
    public async Task<CreatorHomeView> ReadAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - Days);
        var since = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var marks = await db.CreatorProfiles.AsNoTracking().Where(c => c.Id == creatorProfileId)
            .Select(c => new { c.FreePlanKeptAt, c.ShopSharedAt, Paid = c.Subscription != null && c.Subscription.StripeSubscriptionId != null })
            .SingleAsync(cancellationToken);
        var checklist = new StartChecklist(
            (await eligibility.CanCreatorReceivePayments(creatorProfileId, cancellationToken)).IsEligible,
            marks.Paid || marks.FreePlanKeptAt is not null,
            await db.Listings.AnyAsync(l => l.CreatorProfileId == creatorProfileId, cancellationToken),
            marks.ShopSharedAt is not null);

        var paid = db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == creatorProfileId && o.PaidAt >= since).Where(OrderFigures.IsSale);
        var rows = (await paid.Select(OrderFigures.Projection).ToListAsync(cancellationToken))
            .Select(f => new { f.PaidAt, f.Currency, Net = f.CreatorNetMinor }).ToList();
        var sales = rows.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencySales(g.Key, [.. Enumerable.Range(0, Days).Select(i => first.AddDays(i)).Select(day =>
            {
                var ofDay = g.Where(r => DateOnly.FromDateTime(r.PaidAt!.Value) == day).ToList();
                return new DailySales(day, ofDay.Count, ofDay.Sum(r => r.Net));
            })]))
            .ToList();
        var views = await db.PageViewDays.AsNoTracking().Where(p => p.CreatorProfileId == creatorProfileId && p.Day >= first)
            .GroupBy(p => p.ListingId).Select(g => new { ListingId = g.Key, Views = g.Sum(p => p.Views) })
            .ToDictionaryAsync(v => v.ListingId, v => v.Views, cancellationToken);
        var top = (await paid.GroupBy(o => o.ListingId).Select(g => new { ListingId = g.Key, Title = g.Max(o => o.ListingTitle), Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.ListingId).Take(5).ToListAsync(cancellationToken))
            .Select(t => new TopListing(t.ListingId, t.Title ?? "", t.Count) { Views = views.GetValueOrDefault(t.ListingId) }).ToList();
        var disputes = await db.Orders.CountAsync(o => o.CreatorProfileId == creatorProfileId && o.Status == OrderStatus.Disputed, cancellationToken);
        var shopViews = new ShopViews(views.GetValueOrDefault(PageViews.PageViewDay.StorefrontPage),
            views.Where(v => v.Key != PageViews.PageViewDay.StorefrontPage).Sum(v => v.Value), rows.Count);
        return new CreatorHomeView(checklist, sales, top, disputes) { Views = shopViews };
    }
}
