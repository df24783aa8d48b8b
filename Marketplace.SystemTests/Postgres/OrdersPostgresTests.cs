using Marketplace.Tests.Orders;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.SystemTests.Postgres;

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class OrderOrderingPostgresTests(PostgresSelfDeliveredOrdersFactory app) : OrderOrderingTests<PostgresSelfDeliveredOrdersFactory>(app);

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class CreatorSalesPostgresTests(PostgresOrdersFactory app) : CreatorSalesTests<PostgresOrdersFactory>(app);
