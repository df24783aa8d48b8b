using Marketplace.Tests.Webhooks.Billing;
using Marketplace.Tests.Webhooks.Connect;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.SystemTests.Postgres;

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class ConnectWebhookProcessingPostgresTests(PostgresLiveMarketplaceFactory app) : ConnectWebhookProcessingTests<PostgresLiveMarketplaceFactory>(app);

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class WebhookOrderingPostgresTests(PostgresSelfDeliveredWebhooksFactory app) : WebhookOrderingTests<PostgresSelfDeliveredWebhooksFactory>(app);

/// <summary>The same tests as the SQLite class, on a PostgreSQL database of their own (the server ./test.sh starts).</summary>
public sealed class BillingWebhookProcessingPostgresTests(PostgresLiveMarketplaceFactory app) : BillingWebhookProcessingTests<PostgresLiveMarketplaceFactory>(app);
