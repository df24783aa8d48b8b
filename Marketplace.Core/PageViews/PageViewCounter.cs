using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.PageViews;

/// <summary>One page's count waiting to be written: the shop's slug as requested, the listing id (0: the storefront), the day (UTC).</summary>
public readonly record struct PendingPage(string Slug, int ListingId, DateOnly Day);

/// <summary>
/// The hot path of page view counting (singleton): <see cref="Count"/> adds one to an in-memory counter, no I/O, no
/// lock beyond the concurrent dictionary's; <see cref="PageViewFlusher"/> takes the counts with <see cref="Drain"/> and
/// writes them in one batch. At most <see cref="PageViewOptions.MaxPendingPages"/> distinct pages are held between two
/// writes (a flood of made-up pages cannot grow memory without bound); views past that are dropped.
/// </summary>
public sealed class PageViewCounter(TimeProvider clock, IOptions<PageViewOptions> options)
{
    private ConcurrentDictionary<PendingPage, long> _pending = new();

    /// <summary>Counts one view of shop <paramref name="slug"/>'s storefront (<paramref name="listingId"/> 0) or listing page, today (UTC).</summary>
    public void Count(string slug, int listingId)
    {
        var pending = Volatile.Read(ref _pending);
        var key = new PendingPage(slug.ToLowerInvariant(), listingId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (pending.Count >= options.Value.MaxPendingPages && !pending.ContainsKey(key)) return;
        pending.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    /// <summary>Takes every count gathered so far and starts afresh.</summary>
    public IReadOnlyDictionary<PendingPage, long> Drain() => Interlocked.Exchange(ref _pending, new ConcurrentDictionary<PendingPage, long>());

    /// <summary>Puts back counts that could not be written, to be tried again with the next batch.</summary>
    public void Restore(IReadOnlyDictionary<PendingPage, long> counts)
    {
        var pending = Volatile.Read(ref _pending);
        foreach (var (key, n) in counts) pending.AddOrUpdate(key, n, (_, m) => m + n);
    }
}
