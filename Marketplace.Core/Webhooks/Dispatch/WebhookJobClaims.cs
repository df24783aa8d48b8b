using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Webhooks.Dispatch;

/// <summary>
/// Claims inbox rows before a Hangfire job is enqueued for them, so two processes (or the dispatcher and the recovery
/// job) never enqueue the same row: a claim is a compare-and-set of the row's <see cref="StripeWebhookEvent.HangfireJobId"/>
/// and <see cref="StripeWebhookEvent.ClaimToken"/> from the values the caller saw to (no job, a new token), then the token
/// is replaced by the real job id (<see cref="RecordJobAsync"/>). A claim left behind by a crash between claim and
/// enqueue is healed by <see cref="Processing.WebhookRecoveryJob"/> once older than <see cref="ClaimLostAfter"/>.
/// </summary>
public static class WebhookJobClaims
{
    /// <summary>The prefix of every claim token, so that one reads as a claim in logs and in the batch job's arguments.</summary>
    public const string Prefix = "claim:";

    /// <summary>A claim older than this was left by a process that died before enqueueing (a live claim lasts milliseconds).</summary>
    public static readonly TimeSpan ClaimLostAfter = TimeSpan.FromSeconds(30);

    /// <summary>A new claim token, <c>claim:{guid}</c> (38 characters).</summary>
    public static string NewToken() => Prefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Claims the rows of <paramref name="rowIds"/> that have neither a job nor a claim; returns the ids claimed by
    /// <paramref name="token"/> (the others were taken by another process meanwhile).
    /// </summary>
    public static async Task<List<long>> ClaimUnassignedAsync(MarketplaceDbContext db, IReadOnlyCollection<long> rowIds, string token,
        DateTime now, CancellationToken cancellationToken)
    {
        var claimed = await db.StripeWebhookEvents.Where(e => rowIds.Contains(e.Id) && e.HangfireJobId == null && e.ClaimToken == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.EnqueuedAt, now), cancellationToken);
        if (claimed == 0) return [];
        return await db.StripeWebhookEvents.Where(e => e.ClaimToken == token).Select(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims row <paramref name="seen"/> if its job id and claim token are still those the caller read (its previous
    /// job, or claim, is dropped); false when another process changed either first.
    /// </summary>
    public static async Task<bool> ClaimAsync(MarketplaceDbContext db, StripeWebhookEvent seen, string token, DateTime now,
        CancellationToken cancellationToken)
    {
        var query = db.StripeWebhookEvents.Where(e => e.Id == seen.Id);
        query = seen.HangfireJobId is { } jobId ? query.Where(e => e.HangfireJobId == jobId) : query.Where(e => e.HangfireJobId == null);
        query = seen.ClaimToken is { } claim ? query.Where(e => e.ClaimToken == claim) : query.Where(e => e.ClaimToken == null);
        return await query.ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.HangfireJobId, (string?)null)
            .SetProperty(e => e.EnqueuedAt, now), cancellationToken) == 1;
    }

    /// <summary>Replaces claim <paramref name="token"/> by the real Hangfire <paramref name="jobId"/> on the given rows (all of the claim when null).</summary>
    public static Task<int> RecordJobAsync(MarketplaceDbContext db, string token, string jobId, DateTime now, long? rowId = null)
    {
        var query = db.StripeWebhookEvents.Where(e => e.ClaimToken == token);
        if (rowId is { } id) query = query.Where(e => e.Id == id);
        return query.ExecuteUpdateAsync(s => s.SetProperty(e => e.HangfireJobId, jobId).SetProperty(e => e.ClaimToken, (string?)null)
            .SetProperty(e => e.EnqueuedAt, now), CancellationToken.None);
    }

    /// <summary>
    /// Hands row <paramref name="rowId"/> over to Hangfire job <paramref name="jobId"/> whatever held it (a batch's failed
    /// row given its own retry job).
    /// </summary>
    public static Task<int> HandOverAsync(MarketplaceDbContext db, long rowId, string jobId, DateTime now) =>
        db.StripeWebhookEvents.Where(e => e.Id == rowId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HangfireJobId, jobId).SetProperty(e => e.ClaimToken, (string?)null)
                .SetProperty(e => e.EnqueuedAt, now), CancellationToken.None);

    /// <summary>Gives the rows of claim <paramref name="token"/> back (neither job nor claim) after an enqueue failed.</summary>
    public static Task<int> ReleaseAsync(MarketplaceDbContext db, string token) =>
        db.StripeWebhookEvents.Where(e => e.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, (string?)null).SetProperty(e => e.EnqueuedAt, (DateTime?)null), CancellationToken.None);
}
