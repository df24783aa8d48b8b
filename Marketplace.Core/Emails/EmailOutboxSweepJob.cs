using Hangfire;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Emails;

/// <summary>
/// Recurring safety net: enqueues <see cref="SendOutboxEmailJob"/> for rows committed but never attempted after
/// <see cref="GraceMinutes"/> (the process died between commit and enqueue). Rows already attempted belong to their
/// job's Hangfire retries (and, once exhausted, to the dashboard's Failed list).
/// </summary>
public sealed class EmailOutboxSweepJob(MarketplaceDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "email-outbox-sweep";

    /// <summary>How old a never-attempted Pending row must be to be enqueued again.</summary>
    public const int GraceMinutes = 10;

    /// <summary>Enqueues the forgotten rows (at most 500 a run); returns how many.</summary>
    [Queue("default")]
    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-GraceMinutes);
        var ids = await db.OutboxEmails
            .Where(e => e.Status == OutboxEmailStatus.Pending && e.Attempts == 0 && e.CreatedAt < before)
            .OrderBy(e => e.Id).Select(e => e.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in ids) jobs.Enqueue<SendOutboxEmailJob>(job => job.SendAsync(id, CancellationToken.None));
        return ids.Count;
    }
}
