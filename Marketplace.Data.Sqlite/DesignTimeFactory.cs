using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Data.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the Sqlite context without starting the web app (a file that is never opened to add a migration):
/// <c>dotnet ef migrations add Name --project Marketplace.Data.Sqlite</c>.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SqliteMarketplaceDbContext>
{
    /// <inheritdoc />
    public SqliteMarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqliteModel("Data Source=design.db").Options);
}
