using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>The model on SQLite (the embedded default); its migrations are in <c>Marketplace.Data.Sqlite</c>.</summary>
public sealed class SqliteMarketplaceDbContext(DbContextOptions<SqliteMarketplaceDbContext> options)
    : MarketplaceDbContext(options);

/// <summary>The model on SQL Server; its migrations are in <c>Marketplace.Data.SqlServer</c>.</summary>
public sealed class SqlServerMarketplaceDbContext(DbContextOptions<SqlServerMarketplaceDbContext> options)
    : MarketplaceDbContext(options);

/// <summary>The model on PostgreSQL; its migrations are in <c>Marketplace.Data.Postgres</c>.</summary>
public sealed class PostgresMarketplaceDbContext(DbContextOptions<PostgresMarketplaceDbContext> options)
    : MarketplaceDbContext(options);
