using Hangfire;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Emails;

/// <summary>
/// Enqueues <see cref="SendOutboxEmailJob"/> for each outbox row once it is committed: right after
/// <c>SaveChanges</c>, or after the transaction's commit when the save ran inside one (a rolled-back row is never
/// sent; <see cref="AfterCommitInterceptor{TItem}"/>). Enqueueing is a write to Hangfire's storage, never an SMTP call,
/// so the request or webhook path stays fast; a crash between commit and enqueue leaves a Pending row that
/// <see cref="EmailOutboxSweepJob"/> enqueues later.
/// </summary>
public sealed class EmailOutboxInterceptor(IServiceProvider services, ILogger<EmailOutboxInterceptor> logger) : AfterCommitInterceptor<long>
{
    /// <inheritdoc />
    protected override bool Captures(EntityEntry entry) => entry is { Entity: OutboxEmail, State: EntityState.Added };

    /// <inheritdoc />
    protected override long ItemOf(object entity) => ((OutboxEmail)entity).Id;

    /// <inheritdoc />
    protected override ValueTask AfterCommitAsync(IReadOnlyList<long> ids)
    {
        var jobs = services.GetService<IBackgroundJobClient>();
        foreach (var id in ids)
        {
            try
            {
                if (jobs is null) throw new InvalidOperationException("Hangfire is not configured in this process.");
                jobs.Enqueue<SendOutboxEmailJob>(job => job.SendAsync(id, CancellationToken.None));
            }
            catch (Exception ex)
            {
                // The row is committed: the sweep job enqueues it later.
                logger.LogError(ex, "Could not enqueue outbox email {OutboxEmailId}; the sweep job will", id);
            }
        }
        return ValueTask.CompletedTask;
    }
}
