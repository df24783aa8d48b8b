using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>Products and Prices: the plan catalogue in Stripe (https://docs.stripe.com/api/products, /api/prices).</summary>
public partial interface IStripeGateway
{
    /// <summary><c>GET /v1/products/{id}</c>; null when Stripe answers 404 <c>resource_missing</c>.</summary>
    Task<Product?> FindProductAsync(string productId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/products/search</c> with Stripe's query language (eventually consistent: a fallback only).</summary>
    Task<IReadOnlyList<Product>> SearchProductsAsync(string query, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/products</c> with <paramref name="idempotencyKey"/>.</summary>
    Task<Product> CreateProductAsync(ProductCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/products/{id}</c>.</summary>
    Task<Product> UpdateProductAsync(string productId, ProductUpdateOptions options, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/prices/{id}</c>; null when Stripe answers 404 <c>resource_missing</c>.</summary>
    Task<Price?> FindPriceAsync(string priceId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/prices?lookup_keys[]=…</c>: the Price holding <paramref name="lookupKey"/>, or null.</summary>
    Task<Price?> FindPriceByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/prices/search</c> with Stripe's query language (eventually consistent: a fallback only).</summary>
    Task<IReadOnlyList<Price>> SearchPricesAsync(string query, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/prices</c> with <paramref name="idempotencyKey"/>.</summary>
    Task<Price> CreatePriceAsync(PriceCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/prices/{id}</c> (only <c>active</c>, <c>metadata</c>, <c>lookup_key</c> can change).</summary>
    Task<Price> UpdatePriceAsync(string priceId, PriceUpdateOptions options, CancellationToken cancellationToken = default);
}
