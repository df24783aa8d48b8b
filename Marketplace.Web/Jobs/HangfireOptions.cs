using System.ComponentModel.DataAnnotations;

namespace Marketplace.Web.Jobs;

/// <summary>Background job processing, section <c>Hangfire</c>.</summary>
public sealed class HangfireOptions
{
    public const string SectionName = "Hangfire";

    /// <summary>Run a Hangfire server in this process. Off for web-only replicas behind a separate worker.</summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>
    /// Concurrent jobs this process runs (default 4). Webhook batch jobs spend most of their time waiting on Stripe and
    /// on SQLite's writer: in bench/ (5,000 events, 2 cores) 4 workers drained 183 events/s, 2 workers 149, 1 worker with
    /// 8 rows per batch in parallel 101.
    /// </summary>
    [Range(1, 100)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// The queues this process's server takes jobs from, comma-separated, in priority order (default
    /// <c>webhooks,default</c>). A worker dedicated to one kind of job lists only its queue; jobs of other queues wait,
    /// durable, for a server that serves them.
    /// </summary>
    [Required, RegularExpression("^[a-z0-9_]+(,[a-z0-9_]+)*$")]
    public string Queues { get; set; } = $"{Core.Jobs.JobQueues.Webhooks},{Core.Jobs.JobQueues.Default}";

    /// <summary><see cref="Queues"/> as a list.</summary>
    public string[] QueueNames => Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How often an idle worker looks for new jobs, in milliseconds (SQLite and PostgreSQL storage; PostgreSQL also wakes on a NOTIFY; SQL Server uses its own).</summary>
    [Range(50, 60_000)]
    public int QueuePollIntervalMs { get; set; } = 500;

    /// <summary>
    /// SQLite storage only: how long a job taken by a worker stays hidden from other workers, in seconds. A job whose
    /// process died mid-run is taken again after it (Hangfire.Storage.SQLite's own default is 30 minutes; 300 s matches
    /// SQL Server's sliding invisibility timeout). Keep it above the longest job: a job running longer is started twice.
    /// </summary>
    [Range(5, 86_400)]
    public int SqliteInvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// How often a process with a server looks for jobs left Processing by a dead server and enqueues them again, in
    /// seconds (default 10; also at start-up). See <see cref="DeadServerJobRecovery"/>.
    /// </summary>
    [Range(1, 3600)]
    public int DeadServerCheckSeconds { get; set; } = 10;

    /// <summary>Where the admin-only dashboard is served.</summary>
    [Required, RegularExpression("^/.*")]
    public string DashboardPath { get; set; } = "/hangfire";
}
