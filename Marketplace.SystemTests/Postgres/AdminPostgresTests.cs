using Marketplace.Tests.Admin;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.SystemTests.Postgres;

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class AdminWebhooksPostgresTests(PostgresMarketplaceFactory app) : AdminWebhooksTests<PostgresMarketplaceFactory>(app);

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class AdminDashboardQueriesPostgresTests(AdminDashboardQueriesTests<PostgresMarketplaceFactory>.DataSet data)
    : AdminDashboardQueriesTests<PostgresMarketplaceFactory>(data);
