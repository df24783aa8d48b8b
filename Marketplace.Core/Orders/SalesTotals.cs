using Marketplace.Core.Sales;

namespace Marketplace.Core.Orders;

/// <summary>A creator's sales figures per currency (<see cref="SalesFigures"/>) for this calendar month, last month and all time (UTC months, by <c>PaidAt</c>).</summary>
public sealed record SalesTotals(IReadOnlyList<SalesFigures> ThisMonth, IReadOnlyList<SalesFigures> LastMonth, IReadOnlyList<SalesFigures> AllTime)
{
    /// <summary>Every currency that appears in any period, sorted.</summary>
    public IReadOnlyList<string> Currencies => [.. AllTime.Select(t => t.Currency).Order(StringComparer.Ordinal)];

    /// <summary>The figures of <paramref name="currency"/> in <paramref name="period"/>, zero when it had no sale.</summary>
    public static SalesFigures Of(IReadOnlyList<SalesFigures> period, string currency) =>
        period.FirstOrDefault(t => t.Currency == currency) ?? SalesFigures.None(currency);
}
