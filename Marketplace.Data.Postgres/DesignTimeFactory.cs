using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the Postgres context without starting the web app (no server is contacted to add a migration or script):
/// <c>dotnet ef migrations add Name --project Marketplace.Data.Postgres</c>.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresMarketplaceDbContext>
{
    /// <inheritdoc />
    public PostgresMarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UsePostgresModel("Host=localhost;Database=marketplace;Username=postgres").Options);
}
