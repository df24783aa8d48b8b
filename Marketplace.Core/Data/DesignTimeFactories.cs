using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMarketplaceDbContext>
{
    public SqliteMarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context (no server is contacted to add a migration or script).</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMarketplaceDbContext>
{
    public SqlServerMarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMarketplaceDbContext>()
            .UseSqlServer("Server=localhost;Database=Marketplace;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context (no server is contacted to add a migration or script).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMarketplaceDbContext>
{
    public PostgresMarketplaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>()
            .UseNpgsql("Host=localhost;Database=marketplace;Username=postgres").Options);
}
