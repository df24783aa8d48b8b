using Marketplace.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Search;

/// <summary>Registers the listing search.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ListingFinder"/> and the <see cref="IListingSearch"/> of <paramref name="provider"/>: FTS5 on SQLite, <c>tsvector</c> on PostgreSQL, <c>LIKE</c> on SQL Server.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddSingleton<IListingSearch>(provider switch
        {
            DatabaseProvider.Sqlite => new SqliteListingSearch(),
            DatabaseProvider.Postgres => new PostgresListingSearch(),
            _ => new LikeListingSearch(),
        });
        services.AddScoped<ListingFinder>();
        return services;
    }
}
