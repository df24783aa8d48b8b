using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>The model on SQLite (the embedded default); owns the migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteMarketplaceDbContext(DbContextOptions<SqliteMarketplaceDbContext> options)
    : MarketplaceDbContext(options);

/// <summary>The model on SQL Server; owns the migrations in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerMarketplaceDbContext(DbContextOptions<SqlServerMarketplaceDbContext> options)
    : MarketplaceDbContext(options);

/// <summary>The model on PostgreSQL; owns the migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresMarketplaceDbContext(DbContextOptions<PostgresMarketplaceDbContext> options)
    : MarketplaceDbContext(options);
