using Marketplace.Core.Data;

namespace Marketplace.Tests.Infrastructure;

/// <summary><see cref="MarketplaceFactory"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresMarketplaceFactory : MarketplaceFactory
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary><see cref="SelfDeliveredWebhooksFactory"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresSelfDeliveredWebhooksFactory : SelfDeliveredWebhooksFactory
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary><see cref="LiveMarketplaceFactory"/> (Hangfire server, the emulator delivering webhooks) on PostgreSQL.</summary>
public sealed class PostgresLiveMarketplaceFactory : LiveMarketplaceFactory
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
