using Marketplace.Tests.Connect;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.SystemTests.Postgres;

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class PaymentEligibilityPostgresTests(PostgresMarketplaceFactory app) : PaymentEligibilityTests<PostgresMarketplaceFactory>(app);
