using Marketplace.Tests.Orders;
using Marketplace.Tests.Search;

namespace Marketplace.SystemTests.Postgres;

/// <summary>The same tests as the SQLite class, on PostgreSQL's <c>tsvector</c> search (the server ./test.sh starts).</summary>
public sealed class SearchPostgresTests(PostgresOrdersFactory app) : SearchTests<PostgresOrdersFactory>(app);
