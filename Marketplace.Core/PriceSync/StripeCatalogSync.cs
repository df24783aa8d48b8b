using Marketplace.StripeGateway;
using Stripe;

namespace Marketplace.Core.PriceSync;

/// <summary>A platform Product wanted in Stripe: found by <see cref="StoredId"/>, else by searching <c>metadata[MetadataKey]</c>.</summary>
/// <param name="StoredId">The <c>prod_…</c> we stored, or null.</param>
/// <param name="Name">The product's name.</param>
/// <param name="Description">Its description; null or blank for none.</param>
/// <param name="MetadataKey">The metadata key naming our id (<c>plan_id</c>, <c>membership_tier_id</c>).</param>
/// <param name="Metadata">All metadata written on the product; holds <paramref name="MetadataKey"/>.</param>
/// <param name="IdempotencyKey">The key of its creation, from our ids.</param>
public sealed record WantedProduct(string? StoredId, string Name, string? Description, string MetadataKey,
    IReadOnlyDictionary<string, string> Metadata, string IdempotencyKey);

/// <summary>A recurring platform Price wanted in Stripe, exactly: product, amount (minor units), currency, interval, count 1.</summary>
/// <param name="StoredId">The <c>price_…</c> we stored, or null.</param>
/// <param name="ProductId">The Product it belongs to (<c>prod_…</c>).</param>
/// <param name="AmountMinor">Unit amount in minor units.</param>
/// <param name="Currency">ISO 4217, lower case.</param>
/// <param name="Interval"><c>month</c> or <c>year</c>.</param>
/// <param name="LookupKey">The lookup key that names it and moves to a new Price when the amount changes.</param>
/// <param name="Nickname">Shown in Stripe's Dashboard.</param>
/// <param name="MetadataKey">The metadata key naming our id (<c>plan_price_id</c>, <c>membership_tier_id</c>).</param>
/// <param name="Metadata">All metadata written on the price; holds <paramref name="MetadataKey"/>.</param>
/// <param name="IdempotencyKey">The key of its creation; must change with the amount, currency or interval.</param>
public sealed record WantedRecurringPrice(string? StoredId, string ProductId, long AmountMinor, string Currency, string Interval,
    string LookupKey, string Nickname, string MetadataKey, IReadOnlyDictionary<string, string> Metadata, string IdempotencyKey);

/// <summary>
/// The find-or-create of platform Products and recurring Prices shared by the plans' and the membership tiers' price
/// syncs (https://docs.stripe.com/products-prices/manage-prices): reuse what exists, never duplicate. A Price is reused
/// when it is exactly the one wanted: the stored id, else the holder of the <c>lookup_key</c>, else one found by searching
/// its metadata; otherwise a new one is created with an idempotency key. Prices are immutable: a changed amount gets a new
/// Price, the <c>lookup_key</c> moves to it (<c>transfer_lookup_key</c>) and the old one is archived. Callers hold their
/// own lock. Throws what the gateway throws (<see cref="StripeException"/>, network errors).
/// </summary>
public sealed class StripeCatalogSync(IStripeGateway stripe)
{
    /// <summary>The Product, reused (its name, description and active flag updated when they differ) or created.</summary>
    public async Task<(Product Product, PriceSyncResult Result)> EnsureProductAsync(WantedProduct wanted, CancellationToken cancellationToken)
    {
        var description = string.IsNullOrWhiteSpace(wanted.Description) ? null : wanted.Description;
        Product? product = wanted.StoredId is { } id ? await stripe.FindProductAsync(id, cancellationToken) : null;
        product ??= (await stripe.SearchProductsAsync($"metadata['{wanted.MetadataKey}']:'{wanted.Metadata[wanted.MetadataKey]}'", cancellationToken)).FirstOrDefault();
        if (product is null)
        {
            product = await stripe.CreateProductAsync(new ProductCreateOptions
            {
                Name = wanted.Name, Description = description, Metadata = new(wanted.Metadata),
            }, wanted.IdempotencyKey, cancellationToken);
            return (product, new PriceSyncResult(1, 0, 0, 0));
        }

        if (product.Name != wanted.Name || !product.Active || (product.Description ?? "") != (description ?? ""))
        {
            product = await stripe.UpdateProductAsync(product.Id, new ProductUpdateOptions
            {
                Name = wanted.Name, Description = description, Active = true, Metadata = new(wanted.Metadata),
            }, cancellationToken);
        }

        return (product, PriceSyncResult.Empty);
    }

    /// <summary>The Price, reused or created, holding <see cref="WantedRecurringPrice.LookupKey"/>; stale ones archived.</summary>
    public async Task<(Price Price, PriceSyncResult Result)> EnsurePriceAsync(WantedRecurringPrice wanted, CancellationToken cancellationToken)
    {
        var stale = new List<Price>();
        Price? match = null;
        if (wanted.StoredId is { } storedId && await stripe.FindPriceAsync(storedId, cancellationToken) is { } stored)
        {
            if (Matches(stored, wanted)) match = stored;
            else stale.Add(stored);
        }

        if (match is null && await stripe.FindPriceByLookupKeyAsync(wanted.LookupKey, cancellationToken) is { } byKey)
        {
            if (Matches(byKey, wanted)) match = byKey;
            else stale.Add(byKey);
        }

        match ??= (await stripe.SearchPricesAsync($"metadata['{wanted.MetadataKey}']:'{wanted.Metadata[wanted.MetadataKey]}' AND active:'true'", cancellationToken))
            .FirstOrDefault(p => Matches(p, wanted));

        var created = 0;
        if (match is null)
        {
            match = await stripe.CreatePriceAsync(new PriceCreateOptions
            {
                Product = wanted.ProductId,
                Currency = wanted.Currency,
                UnitAmount = wanted.AmountMinor,
                Recurring = new PriceRecurringOptions { Interval = wanted.Interval },
                LookupKey = wanted.LookupKey,
                TransferLookupKey = true,
                Nickname = wanted.Nickname,
                Metadata = new(wanted.Metadata),
            }, wanted.IdempotencyKey, cancellationToken);
            created = 1;
            if (!match.Active) match = await stripe.UpdatePriceAsync(match.Id, new PriceUpdateOptions { Active = true }, cancellationToken);
        }

        if (match.LookupKey != wanted.LookupKey)
            match = await stripe.UpdatePriceAsync(match.Id, new PriceUpdateOptions { LookupKey = wanted.LookupKey, TransferLookupKey = true }, cancellationToken);

        var archived = 0;
        foreach (var old in stale.Where(p => p.Active && p.Id != match.Id).DistinctBy(p => p.Id))
        {
            await stripe.UpdatePriceAsync(old.Id, new PriceUpdateOptions { Active = false }, cancellationToken);
            archived++;
        }

        return (match, new PriceSyncResult(0, created, 1 - created, archived));
    }

    /// <summary>Archives (<c>active=false</c>) the Price <paramref name="priceId"/> when it exists and is active.</summary>
    public async Task<PriceSyncResult> ArchivePriceAsync(string? priceId, CancellationToken cancellationToken)
    {
        if (priceId is null || await stripe.FindPriceAsync(priceId, cancellationToken) is not { Active: true }) return PriceSyncResult.Empty;
        await stripe.UpdatePriceAsync(priceId, new PriceUpdateOptions { Active = false }, cancellationToken);
        return new PriceSyncResult(0, 0, 0, 1);
    }

    /// <summary>True when a Stripe Price is active and is exactly the wanted one: product, amount, currency, interval.</summary>
    private static bool Matches(Price stripePrice, WantedRecurringPrice wanted) =>
        stripePrice.Active
        && stripePrice.ProductId == wanted.ProductId
        && stripePrice.UnitAmount == wanted.AmountMinor
        && string.Equals(stripePrice.Currency, wanted.Currency, StringComparison.OrdinalIgnoreCase)
        && stripePrice.Recurring?.Interval == wanted.Interval
        && (stripePrice.Recurring?.IntervalCount ?? 1) == 1;
}
