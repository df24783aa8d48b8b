using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Core.Data;

/// <summary>
/// Does something about the rows a save wrote once they are committed: right after <c>SaveChanges</c>, or after the
/// commit of the transaction the save ran in; nothing after a failed save or a rollback. A subclass says which entries
/// count (<see cref="Captures"/>, read before the save), what each becomes once saved (<see cref="ItemOf"/>: an added
/// row's id is known only then) and what to do with them (<see cref="AfterCommitAsync"/>). Keyed per
/// <see cref="DbContext"/> instance, so pooled contexts and concurrent requests do not mix.
/// </summary>
/// <typeparam name="TItem">What the work needs of a saved row (an id, a cache tag).</typeparam>
public abstract class AfterCommitInterceptor<TItem> : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object[]> _saving = new();
    private readonly ConditionalWeakTable<DbContext, List<TItem>> _awaitingCommit = new();

    /// <summary>Whether this entry of the save (Added, Modified or Deleted) is one the work is about.</summary>
    protected abstract bool Captures(EntityEntry entry);

    /// <summary>What the work needs of a captured entity, once the save is done.</summary>
    protected abstract TItem ItemOf(object entity);

    /// <summary>The work, for the items of one save or of one transaction's saves (may repeat an item).</summary>
    protected abstract ValueTask AfterCommitAsync(IReadOnlyList<TItem> items);

    /// <summary>True to run the work also right after a save inside a transaction, before its commit (and again after it).</summary>
    protected virtual bool AlsoBeforeCommit => false;

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null) _saving.Remove(eventData.Context);
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        CommittedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        CommittedAsync(eventData.Context).AsTask();

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
        object[] changed = [.. context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Captures(e))
            .Select(e => e.Entity)];
        if (changed.Length > 0) _saving.AddOrUpdate(context, changed);
        else _saving.Remove(context);
    }

    private async ValueTask SavedAsync(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var changed)) return;
        _saving.Remove(context);
        List<TItem> items = [.. changed.Select(ItemOf)];
        if (context.Database.CurrentTransaction is null)
        {
            await AfterCommitAsync(items);
            return;
        }
        _awaitingCommit.GetOrCreateValue(context).AddRange(items);
        if (AlsoBeforeCommit) await AfterCommitAsync(items);
    }

    private async ValueTask CommittedAsync(DbContext? context)
    {
        if (context is null || !_awaitingCommit.TryGetValue(context, out var items)) return;
        _awaitingCommit.Remove(context);
        await AfterCommitAsync(items);
    }
}
