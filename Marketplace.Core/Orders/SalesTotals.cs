namespace Marketplace.Core.Orders;

/// <summary>
/// Paid sales of one currency over a period, minor units: what buyers paid, the platform's application fees, and
/// what the creator keeps (gross − fees). Currencies are never added together.
/// </summary>
public sealed record SalesTotal(string Currency, int OrderCount, long GrossMinor, long FeeMinor)
{
    /// <summary>What the creator keeps, minor units.</summary>
    public long NetMinor => GrossMinor - FeeMinor;
}

/// <summary>A creator's paid sales per currency for this calendar month, last month and all time (UTC months, by <c>PaidAt</c>).</summary>
public sealed record SalesTotals(IReadOnlyList<SalesTotal> ThisMonth, IReadOnlyList<SalesTotal> LastMonth, IReadOnlyList<SalesTotal> AllTime)
{
    /// <summary>Every currency that appears in any period, sorted.</summary>
    public IReadOnlyList<string> Currencies => [.. AllTime.Select(t => t.Currency).Order(StringComparer.Ordinal)];

    /// <summary>The total of <paramref name="currency"/> in <paramref name="period"/>, zero when it had no sale.</summary>
    public static SalesTotal Of(IReadOnlyList<SalesTotal> period, string currency) =>
        period.FirstOrDefault(t => t.Currency == currency) ?? new SalesTotal(currency, 0, 0, 0);
}
