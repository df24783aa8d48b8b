namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// Under what a batch job may process an inbox row: the dispatcher's claim the rows were taken under
/// (<see cref="StripeWebhookEvent.ClaimToken"/>, still on the row when the batch starts before the dispatcher recorded
/// the job) or the batch's own Hangfire job id (<see cref="StripeWebhookEvent.HangfireJobId"/>, once recorded). A row
/// handed over to its own job has neither, and is left to that job.
/// </summary>
/// <param name="ClaimToken">The claim token the batch was enqueued with (<c>claim:…</c>).</param>
/// <param name="HangfireJobId">The batch's Hangfire job id; null when run outside Hangfire.</param>
public sealed record WebhookRowOwner(string ClaimToken, string? HangfireJobId)
{
    /// <summary>True when <paramref name="row"/> is held by this claim or this job.</summary>
    public bool Owns(StripeWebhookEvent row) =>
        row.ClaimToken == ClaimToken || (HangfireJobId is not null && row.HangfireJobId == HangfireJobId);
}
