using System.Runtime.CompilerServices;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Listings;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Caching;

/// <summary>
/// Evicts this process's output-cached storefronts (<c>/c/{slug}</c>, <see cref="PageOutputCaching.StorefrontTag"/>)
/// whose content a save may have changed, whoever saved (a listing form, the admin's ban, a webhook handler, a test):
/// a saved <see cref="Listing"/>, <see cref="CreatorProfile"/>, <see cref="CreatorSubscription"/> or
/// <see cref="CreatorStripeAccount"/> evicts that creator's storefront (<see cref="PageOutputCaching.StorefrontTagOf"/>),
/// a saved <see cref="Plan"/> (its listing limit) every storefront. Runs after <c>SaveChanges</c> and again after the
/// commit of a transaction the save ran in (a page rendered in between from the old rows is evicted too).
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> and other processes' saves are not seen: entries expire after
/// <c>Caching:PageSeconds</c>.
/// </summary>
public sealed class StorefrontCacheEviction(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object[]> _saving = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _awaitingCommit = new();

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
    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        CommittedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => CommittedAsync(eventData.Context).AsTask();

    /// <inheritdoc />
    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is not null) _awaitingCommit.Remove(eventData.Context);
    }

    /// <inheritdoc />
    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    // The entities the save writes, kept until it is done (an added row's id is known only then).
    private void Collect(DbContext? context)
    {
        if (context is null) return;
        object[] changed = [.. context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ShowsOnStorefront(e))
            .Select(e => e.Entity)];
        if (changed.Length > 0) _saving.AddOrUpdate(context, changed);
        else _saving.Remove(context);
    }

    private async ValueTask SavedAsync(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var changed)) return;
        _saving.Remove(context);
        var tags = changed.Select(TagOf).ToHashSet();
        if (context.Database.CurrentTransaction is not null)
            _awaitingCommit.GetOrCreateValue(context).UnionWith(tags);
        await EvictAsync(tags);
    }

    private async ValueTask CommittedAsync(DbContext? context)
    {
        if (context is null || !_awaitingCommit.TryGetValue(context, out var tags)) return;
        _awaitingCommit.Remove(context);
        await EvictAsync(tags);
    }

    private async ValueTask EvictAsync(IEnumerable<string> tags)
    {
        foreach (var tag in tags) await store.EvictByTagAsync(tag, CancellationToken.None);
    }

    private static bool ShowsOnStorefront(EntityEntry entry) =>
        entry.Entity is Listing or CreatorProfile or CreatorSubscription or CreatorStripeAccount or Plan;

    private static string TagOf(object entity) => entity switch
    {
        Listing listing => PageOutputCaching.StorefrontTagOf(listing.CreatorProfileId),
        CreatorProfile creator => PageOutputCaching.StorefrontTagOf(creator.Id),
        CreatorSubscription subscription => PageOutputCaching.StorefrontTagOf(subscription.CreatorProfileId),
        CreatorStripeAccount account => PageOutputCaching.StorefrontTagOf(account.CreatorProfileId),
        _ => PageOutputCaching.StorefrontTag,
    };
}
