using Marketplace.Core.Data;

namespace Marketplace.Web.Jobs;

/// <summary>
/// SQLite is one process only: its locks (<c>InProcessLocks</c>) and Hangfire.Storage.SQLite's queue lock live in the
/// process's memory, so a second process on the same files would run the per-order and per-row critical sections at the
/// same time. A process configured as a web-only replica (<c>Hangfire:ServerEnabled=false</c>) or as a worker serving
/// only some queues makes sense only beside other processes: on SQLite it is warned about at start-up (not refused:
/// the integration tests host web-only apps on SQLite in one process, and a one-off admin process may be wanted).
/// README, "Several processes on one database".
/// </summary>
public static class SingleProcessDatabaseWarning
{
    /// <summary>Logs one warning when the configuration asks SQLite for a multi-process role; nothing otherwise.</summary>
    public static void WarnIfMultiProcessOnSqlite(IConfiguration configuration, ILogger logger)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Sqlite) return;
        var hangfire = configuration.GetSection(HangfireOptions.SectionName).Get<HangfireOptions>() ?? new HangfireOptions();
        var servesAll = hangfire.QueueNames.Contains(Core.Jobs.JobQueues.Webhooks) && hangfire.QueueNames.Contains(Core.Jobs.JobQueues.Default);
        if (hangfire.ServerEnabled && servesAll) return;
        logger.LogWarning(
            "Database:Provider is Sqlite but this process is configured as part of several ({Role}): SQLite's locks are per process, so web replicas and workers need Database:Provider=Postgres or SqlServer. On SQLite run one process with Hangfire:ServerEnabled=true serving every queue.",
            hangfire.ServerEnabled ? $"a worker serving only {hangfire.Queues}" : "a web replica without a Hangfire server");
    }
}
