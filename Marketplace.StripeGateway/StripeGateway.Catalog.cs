using Stripe;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Product?> FindProductAsync(string productId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Products.GetAsync(productId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Product>> SearchProductsAsync(string query, CancellationToken cancellationToken = default) =>
        (await client.V1.Products.SearchAsync(new ProductSearchOptions { Query = query, Limit = 10 }, cancellationToken: cancellationToken)).Data;

    /// <inheritdoc />
    public Task<Product> CreateProductAsync(ProductCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        client.V1.Products.CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Product> UpdateProductAsync(string productId, ProductUpdateOptions options, CancellationToken cancellationToken = default) =>
        client.V1.Products.UpdateAsync(productId, options, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<Price?> FindPriceAsync(string priceId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Prices.GetAsync(priceId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public async Task<Price?> FindPriceByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken = default) =>
        (await client.V1.Prices.ListAsync(new PriceListOptions { LookupKeys = [lookupKey], Limit = 1 }, cancellationToken: cancellationToken)).Data.FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<Price>> SearchPricesAsync(string query, CancellationToken cancellationToken = default) =>
        (await client.V1.Prices.SearchAsync(new PriceSearchOptions { Query = query, Limit = 10 }, cancellationToken: cancellationToken)).Data;

    /// <inheritdoc />
    public Task<Price> CreatePriceAsync(PriceCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        client.V1.Prices.CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Price> UpdatePriceAsync(string priceId, PriceUpdateOptions options, CancellationToken cancellationToken = default) =>
        client.V1.Prices.UpdateAsync(priceId, options, cancellationToken: cancellationToken);
}
