using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Data.SqlServer;

/// <summary>
/// Lets <c>dotnet ef</c> build the SqlServer context without starting the web app (no server is contacted to add a migration or script):
/// <c>dotnet ef migrations add Name --project Marketplace.Data.SqlServer</c>.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMarketplaceDbContext>
{
    /// <inheritdoc />
    public SqlServerMarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMarketplaceDbContext>().UseSqlServerModel("Server=localhost;Database=Marketplace;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
