using Marketplace.Core.Data;
using Marketplace.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Images;

/// <summary>
/// Deletes renditions no <see cref="Listings.ListingImage"/> and no shop avatar or banner names (a picture removed or replaced, a listing deleted, a
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
            named.AddRange(await ShopPicturesNamingAsync(chunk, cancellationToken));
            foreach (var key in chunk.Except(named.SelectMany(k => k)))
                if (await store.DeleteAsync(key, cancellationToken)) deleted++;
        }

        if (deleted > 0) logger.LogInformation("The orphan image sweep deleted {Count} renditions", deleted);
        return deleted;
    }

    // The keys of the shops' avatars and banners (columns of the creator profiles) that name one of the keys.
    private async Task<List<string[]>> ShopPicturesNamingAsync(string[] keys, CancellationToken cancellationToken)
    {
        var pictures = await db.CreatorProfiles.AsNoTracking()
            .Where(c => (c.Avatar != null && (keys.Contains(c.Avatar.ThumbnailKey) || keys.Contains(c.Avatar.CardKey) || keys.Contains(c.Avatar.FullKey)))
                        || (c.Banner != null && (keys.Contains(c.Banner.ThumbnailKey) || keys.Contains(c.Banner.CardKey) || keys.Contains(c.Banner.FullKey))))
            .Select(c => new[]
            {
                c.Avatar == null ? null : c.Avatar.ThumbnailKey, c.Avatar == null ? null : c.Avatar.CardKey, c.Avatar == null ? null : c.Avatar.FullKey,
                c.Banner == null ? null : c.Banner.ThumbnailKey, c.Banner == null ? null : c.Banner.CardKey, c.Banner == null ? null : c.Banner.FullKey,
            }).ToListAsync(cancellationToken);
        return [.. pictures.Select(keys => keys.OfType<string>().ToArray())];
    }
}
