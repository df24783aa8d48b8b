using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Webhooks.Dispatch;

/// <summary>
/// Claims inbox rows before a Hangfire job is enqueued for them, so two processes (or the dispatcher and the recovery
/// job) never enqueue the same row: a claim is a compare-and-set of <see cref="StripeWebhookEvent.JobId"/> from the value
/// the caller saw to a token <c>claim:…</c>, then replaced by the real job id. A claim left behind by a crash between
/// claim and enqueue is healed by <see cref="Processing.WebhookRecoveryJob"/> once older than <see cref="ClaimLostAfter"/>.
/// </summary>
public static class WebhookJobClaims
{
    /// <summary>The prefix of a claim token stored in <see cref="StripeWebhookEvent.JobId"/> (never a Hangfire job id).</summary>
    public const string Prefix = "claim:";

    /// <summary>A claim older than this was left by a process that died before enqueueing (a live claim lasts milliseconds).</summary>
    public static readonly TimeSpan ClaimLostAfter = TimeSpan.FromSeconds(30);

    /// <summary>A new claim token.</summary>
    public static string NewToken() => Prefix + Guid.NewGuid().ToString("N");

    /// <summary>True when <paramref name="jobId"/> is a claim token rather than a Hangfire job id.</summary>
    public static bool IsClaim(string? jobId) => jobId is not null && jobId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// Claims the rows of <paramref name="rowIds"/> whose job id is still null; returns the ids claimed by
    /// <paramref name="token"/> (the others were taken by another process meanwhile).
    /// </summary>
    public static async Task<List<long>> ClaimUnassignedAsync(MarketplaceDbContext db, IReadOnlyCollection<long> rowIds, string token,
        DateTime now, CancellationToken cancellationToken)
    {
        var claimed = await db.StripeWebhookEvents.Where(e => rowIds.Contains(e.Id) && e.JobId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.JobId, token).SetProperty(e => e.EnqueuedAt, now), cancellationToken);
        if (claimed == 0) return [];
        return await db.StripeWebhookEvents.Where(e => e.JobId == token).Select(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Claims one row whose job id is still <paramref name="expectedJobId"/>; false when another process changed it first.</summary>
    public static async Task<bool> ClaimAsync(MarketplaceDbContext db, long rowId, string? expectedJobId, string token, DateTime now,
        CancellationToken cancellationToken)
    {
        var query = db.StripeWebhookEvents.Where(e => e.Id == rowId);
        query = expectedJobId is null ? query.Where(e => e.JobId == null) : query.Where(e => e.JobId == expectedJobId);
        return await query.ExecuteUpdateAsync(s => s.SetProperty(e => e.JobId, token).SetProperty(e => e.EnqueuedAt, now), cancellationToken) == 1;
    }

    /// <summary>Replaces claim <paramref name="token"/> by the real Hangfire <paramref name="jobId"/> on the given rows (all of the claim when null).</summary>
    public static Task<int> RecordJobAsync(MarketplaceDbContext db, string token, string jobId, DateTime now, long? rowId = null)
    {
        var query = db.StripeWebhookEvents.Where(e => e.JobId == token);
        if (rowId is { } id) query = query.Where(e => e.Id == id);
        return query.ExecuteUpdateAsync(s => s.SetProperty(e => e.JobId, jobId).SetProperty(e => e.EnqueuedAt, now), CancellationToken.None);
    }

    /// <summary>Gives the rows of claim <paramref name="token"/> back (job id null again) after an enqueue failed.</summary>
    public static Task<int> ReleaseAsync(MarketplaceDbContext db, string token) =>
        db.StripeWebhookEvents.Where(e => e.JobId == token)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.JobId, (string?)null).SetProperty(e => e.EnqueuedAt, (DateTime?)null), CancellationToken.None);
}
