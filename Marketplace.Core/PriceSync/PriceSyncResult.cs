namespace Marketplace.Core.PriceSync;

/// <summary>What a sync did: Products and Prices created, reused as they were, and Prices archived (<c>active=false</c>).</summary>
public sealed record PriceSyncResult(int ProductsCreated, int PricesCreated, int PricesReused, int PricesArchived)
{
    public static PriceSyncResult Empty { get; } = new(0, 0, 0, 0);

    public static PriceSyncResult operator +(PriceSyncResult a, PriceSyncResult b) =>
        new(a.ProductsCreated + b.ProductsCreated, a.PricesCreated + b.PricesCreated, a.PricesReused + b.PricesReused, a.PricesArchived + b.PricesArchived);
}
