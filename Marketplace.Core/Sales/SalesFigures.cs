using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Sales;

/// <summary>
/// The <see cref="OrderFigures"/> of several sales of one currency summed (minor units); currencies are never added
/// together. The one total every page, the CSV and the admin's dashboard show.
/// </summary>
public sealed record SalesFigures(
    string Currency,
    int OrderCount,
    long GrossMinor,
    long RefundedMinor,
    long DisputedMinor,
    long ReinstatedMinor,
    long PlatformFeeMinor,
    long StripeFeeMinor,
    long PlatformNetMinor,
    long CreatorNetMinor)
{
    /// <summary>No sale in <paramref name="currency"/>.</summary>
    public static SalesFigures None(string currency) => new(currency, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>One order's figures as a total of one sale.</summary>
    public static SalesFigures Of(OrderFigures figures) => Sum(figures.Currency, [figures]);

    /// <summary>What disputes took and kept: withdrawn − reinstated.</summary>
    public long DisputeLossMinor => DisputedMinor - ReinstatedMinor;

    /// <summary>
    /// The sales among <paramref name="orders"/> (abandoned checkouts left out, <see cref="OrderFigures.IsSale"/>) summed
    /// per currency in SQL, sorted by currency.
    /// </summary>
    public static async Task<IReadOnlyList<SalesFigures>> PerCurrencyAsync(IQueryable<Order> orders, CancellationToken cancellationToken = default) =>
        [.. (await PerCurrency(orders).ToListAsync(cancellationToken)).OrderBy(s => s.Currency, StringComparer.Ordinal)];

    /// <summary>The SQL part of <see cref="PerCurrencyAsync"/>: one grouped query.</summary>
    public static IQueryable<SalesFigures> PerCurrency(IQueryable<Order> orders) =>
        orders.Where(OrderFigures.IsSale).Select(OrderFigures.Projection).GroupBy(f => f.Currency)
            .Select(g => new SalesFigures(g.Key, g.Count(), g.Sum(f => f.GrossMinor), g.Sum(f => f.RefundedMinor), g.Sum(f => f.DisputedMinor),
                g.Sum(f => f.ReinstatedMinor), g.Sum(f => f.PlatformFeeMinor), g.Sum(f => f.StripeFeeMinor), g.Sum(f => f.PlatformNetMinor),
                g.Sum(f => f.CreatorNetMinor)));

    /// <summary>The sum of already computed <paramref name="figures"/> of one currency (in memory), for tests and small lists.</summary>
    public static SalesFigures Sum(string currency, IEnumerable<OrderFigures> figures)
    {
        var list = figures.Where(f => f.Currency == currency).ToList();
        return new SalesFigures(currency, list.Count, list.Sum(f => f.GrossMinor), list.Sum(f => f.RefundedMinor), list.Sum(f => f.DisputedMinor),
            list.Sum(f => f.ReinstatedMinor), list.Sum(f => f.PlatformFeeMinor), list.Sum(f => f.StripeFeeMinor), list.Sum(f => f.PlatformNetMinor),
            list.Sum(f => f.CreatorNetMinor));
    }
}
