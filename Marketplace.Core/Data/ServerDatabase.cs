using Microsoft.Extensions.Configuration;

namespace Marketplace.Core.Data;

/// <summary>
/// What the two server providers (SQL Server, PostgreSQL) share: one connection string key, and the choice of
/// cross-process parts (Hangfire-storage locks, no in-process-only shortcuts). Code that branches on the provider asks
/// <see cref="IsServer"/> rather than naming an engine, so proving one server provider proves the other's code path.
/// </summary>
public static class ServerDatabase
{
    /// <summary>The connection string name of both server providers: <c>ConnectionStrings:Marketplace</c>.</summary>
    public const string ConnectionStringName = "Marketplace";

    /// <summary>True for a provider that several processes share (SQL Server, PostgreSQL); false for SQLite.</summary>
    public static bool IsServer(this DatabaseProvider provider) =>
        provider is DatabaseProvider.SqlServer or DatabaseProvider.Postgres;

    /// <summary>The server's connection string (<c>ConnectionStrings:Marketplace</c>).</summary>
    /// <exception cref="InvalidOperationException">The key is empty; the message names it and the provider.</exception>
    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var value = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:{ConnectionStringName} is empty. Set ConnectionStrings__{ConnectionStringName}.");
        return value;
    }
}
