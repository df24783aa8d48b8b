using Marketplace.Core.Data;
using Marketplace.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Deliveries;

/// <summary>
/// Deletes stored objects that no <see cref="ListingFile"/> names and unfinished uploads, once older than
/// <c>Files:OrphanGraceHours</c> (an upload in progress, or one whose row is being saved, is younger). Picture renditions
/// in the same store (<c>images/</c>, S3) are <see cref="Images.OrphanImageSweepJob"/>'s. Recurring, hourly.
/// </summary>
public sealed class OrphanFileSweepJob(MarketplaceDbContext db, IFileStore store, IOptions<FileStoreOptions> options, TimeProvider clock,
    ILogger<OrphanFileSweepJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringJobId = "orphan-file-sweep";

    /// <summary>Runs the sweep; returns how many objects and unfinished uploads it deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddHours(-options.Value.OrphanGraceHours);
        var deleted = await store.DeleteUnfinishedAsync(before, cancellationToken);
        var old = new List<string>();
        await foreach (var stored in store.ListAsync(cancellationToken))
            if (stored.LastModified < before && !stored.Key.StartsWith(Images.FileStoreImageStore.Prefix, StringComparison.Ordinal)) old.Add(stored.Key);
        foreach (var chunk in old.Chunk(500))
        {
            var named = await db.ListingFiles.Where(f => chunk.Contains(f.StoreKey)).Select(f => f.StoreKey).ToListAsync(cancellationToken);
            foreach (var key in chunk.Except(named))
                if (await store.DeleteAsync(key, cancellationToken)) deleted++;
        }

        if (deleted > 0) logger.LogInformation("The orphan sweep deleted {Count} stored files", deleted);
        return deleted;
    }
}
