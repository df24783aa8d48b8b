using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Webhooks.Dispatch;

/// <summary>How acknowledged inbox rows are handed to Hangfire (section <c>Webhooks</c>), see <see cref="WebhookDispatcher"/>.</summary>
public sealed class WebhookDispatchOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Run the dispatcher in this process (default true). Off only in tests that exercise the recovery job alone.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>
    /// Seconds between two sweeps when no delivery signalled this process (the safety net: rows committed by a replica
    /// that died before dispatching, an enqueue that failed while the job storage was down). Default 5.
    /// </summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// Milliseconds the dispatcher lets deliveries gather after a signal before it sweeps (default 100): fuller batches,
    /// so fewer Hangfire jobs (each enqueue is several statements under Hangfire.Storage.SQLite's process-wide lock).
    /// It delays the start of processing, never the acknowledgement.
    /// </summary>
    [Range(0, 5000)]
    public int GatherMs { get; set; } = 100;

    /// <summary>Most rows claimed and given to one <see cref="Processing.ProcessStripeWebhookBatchJob"/>. Default 100.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Rows a batch job processes at once, each in its own DI scope. Default 4.</summary>
    [Range(1, 64)]
    public int BatchParallelism { get; set; } = 4;
}
