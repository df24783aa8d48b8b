namespace Marketplace.Core.Jobs;

/// <summary>
/// The Hangfire queues our jobs go to (<c>[Queue(…)]</c>, <c>IRecurringJobManager.AddOrUpdate(…, queue, …)</c>); a
/// server lists them in <c>Hangfire:Queues</c>, first processed first (https://docs.hangfire.io/en/latest/background-processing/configuring-queues.html).
/// </summary>
public static class JobQueues
{
    /// <summary>Webhook processing and inbox recovery (processed first).</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Every other job (Hangfire's own default queue name).</summary>
    public const string Default = "default";
}
