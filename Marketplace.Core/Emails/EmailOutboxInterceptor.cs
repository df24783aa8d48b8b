using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Emails;

/// <summary>
/// Enqueues <see cref="SendOutboxEmailJob"/> for each outbox row once it is committed: right after
/// <c>SaveChanges</c>, or after the transaction's commit when the save ran inside one (a rolled-back row is never
/// sent). Enqueueing is a write to Hangfire's storage, never an SMTP call, so the request or webhook path stays fast;
/// a crash between commit and enqueue leaves a Pending row that <see cref="EmailOutboxSweepJob"/> enqueues later.
/// </summary>
public sealed class EmailOutboxInterceptor(IServiceProvider services, ILogger<EmailOutboxInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<OutboxEmail>> _added = new();
    private readonly ConditionalWeakTable<DbContext, List<long>> _awaitingCommit = new();

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    /// <inheritdoc />
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null) _added.Remove(eventData.Context);
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    /// <inheritdoc />
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is not null) _awaitingCommit.Remove(eventData.Context);
    }

    /// <inheritdoc />
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var added = context.ChangeTracker.Entries<OutboxEmail>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0) _added.AddOrUpdate(context, added);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_added.TryGetValue(context, out var added)) return;
        _added.Remove(context);
        var ids = added.Select(e => e.Id).ToList();
        if (context.Database.CurrentTransaction is null) Enqueue(ids);
        else _awaitingCommit.GetOrCreateValue(context).AddRange(ids);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_awaitingCommit.TryGetValue(context, out var ids)) return;
        _awaitingCommit.Remove(context);
        Enqueue(ids);
    }

    private void Enqueue(List<long> ids)
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
    }
}
