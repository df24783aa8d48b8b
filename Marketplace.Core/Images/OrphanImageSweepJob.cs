using Marketplace.Core.Data;
using Marketplace.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Images;

/// <summary>
/// Deletes renditions no <see cref="Listings.ListingImage"/> names (a picture removed or replaced, a listing deleted, a
/// form abandoned after its pictures were stored), once older than <c>Files:OrphanGraceHours</c>: a picture being saved
/// is younger. Renditions are content-addressed and may be shared by listings, so they are never deleted inline. Recurring, hourly.
/// </summary>
public sealed class OrphanImageSweepJob(MarketplaceDbContext db, IImageStore store, IOptions<FileStoreOptions> options, TimeProvider clock,
    ILogger<OrphanImageSweepJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringJobId = "orphan-image-sweep";

    /// <summary>Runs the sweep; returns how many renditions it deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddHours(-options.Value.OrphanGraceHours);
        var old = new List<string>();
        await foreach (var stored in store.ListAsync(cancellationToken))
            if (stored.LastModified < before) old.Add(stored.Key);
        var deleted = 0;
        foreach (var chunk in old.Chunk(300))
        {
            var named = await db.ListingImages.Where(i => chunk.Contains(i.ThumbnailKey) || chunk.Contains(i.CardKey) || chunk.Contains(i.FullKey))
                .Select(i => new[] { i.ThumbnailKey, i.CardKey, i.FullKey }).ToListAsync(cancellationToken);
            foreach (var key in chunk.Except(named.SelectMany(k => k)))
                if (await store.DeleteAsync(key, cancellationToken)) deleted++;
        }

        if (deleted > 0) logger.LogInformation("The orphan image sweep deleted {Count} renditions", deleted);
        return deleted;
    }
}
