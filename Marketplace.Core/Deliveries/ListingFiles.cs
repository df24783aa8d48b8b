using Marketplace.Core.Data;
using Marketplace.Files;
using Marketplace.Locking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Deliveries;

/// <summary>
/// A creator's deliverable files: list, upload (new or replacing one), delete, reset download counts. Every method
/// takes the signed-in creator's id and touches only that creator's listings. An upload is streamed into the
/// <see cref="IFileStore"/> (hashed while copied, never held in memory) within the smaller of
/// <see cref="DeliveryOptions.MaxFileBytes"/> and what the plan's storage has left; the row is saved under a
/// per-creator lock after the storage is checked again, so two concurrent uploads cannot both pass the plan's storage.
/// </summary>
public sealed class ListingFiles(MarketplaceDbContext db, IFileStore store, IDistributedLocks locks, IOptions<DeliveryOptions> options,
    TimeProvider clock, ILogger<ListingFiles> logger)
{
    /// <summary>The listing's title and files (oldest first) with the creator's storage; null when the listing is not the creator's.</summary>
    public async Task<ListingFilesView?> ForListingAsync(int creatorProfileId, int listingId, CancellationToken cancellationToken = default)
    {
        var title = await db.Listings.AsNoTracking().Where(l => l.Id == listingId && l.CreatorProfileId == creatorProfileId)
            .Select(l => l.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null) return null;
        var files = await db.ListingFiles.AsNoTracking().Where(f => f.ListingId == listingId).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return new ListingFilesView(listingId, title, files, await StorageAsync(creatorProfileId, null, cancellationToken), options.Value.MaxFileBytes);
    }

    /// <summary>
    /// Stores <paramref name="content"/> as a new file of the listing, or as the new bytes of file <paramref name="replaceFileId"/>.
    /// Outcomes: <see cref="UploadOutcome.Done"/>; <see cref="UploadOutcome.NotFound"/> (not the creator's listing or
    /// file); <see cref="UploadOutcome.Empty"/>; <see cref="UploadOutcome.TooLarge"/> (past <c>MaxFileBytes</c>);
    /// <see cref="UploadOutcome.StorageFull"/> (past the plan's storage, HTTP 402); <see cref="UploadOutcome.StoreUnavailable"/>
    /// (the store did not answer: an S3 server down); <see cref="UploadOutcome.WrongType"/> (the extension names a type
    /// of <see cref="FileSignatures"/> and the first bytes are not of it). Nothing stays stored unless Done.
    /// </summary>
    /// <exception cref="IOException">Reading <paramref name="content"/> failed (the client went away): nothing is stored.</exception>
    public async Task<UploadResult> UploadAsync(int creatorProfileId, int listingId, int? replaceFileId, string? fileName, string? contentType, Stream content,
        CancellationToken cancellationToken = default)
    {
        if (!await db.Listings.AnyAsync(l => l.Id == listingId && l.CreatorProfileId == creatorProfileId, cancellationToken)) return new(UploadOutcome.NotFound);
        if (replaceFileId is { } id && !await db.ListingFiles.AnyAsync(f => f.Id == id && f.ListingId == listingId, cancellationToken)) return new(UploadOutcome.NotFound);
        var storage = await StorageAsync(creatorProfileId, replaceFileId, cancellationToken);
        var maxFile = options.Value.MaxFileBytes;
        var limit = Math.Min(maxFile, storage.Remaining);
        if (limit <= 0) return new(UploadOutcome.StorageFull, Storage: storage);

        // The first bytes are read ahead (12, not the file) to refuse a file whose bytes are not what its extension says.
        var head = new byte[FileSignatures.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (headLength > 0 && !FileSignatures.Matches(UploadNames.FileName(fileName), head.AsMemory(0, headLength)))
            return new(UploadOutcome.WrongType, Storage: storage);

        var key = $"listings/{listingId}/{Guid.NewGuid():N}";
        using var counted = new HashingLimitedStream(new PrefixedStream(head.AsMemory(0, headLength), content), limit);
        try
        {
            await store.PutAsync(key, counted, cancellationToken);
        }
        catch (UploadTooLargeException)
        {
            return limit < maxFile ? new(UploadOutcome.StorageFull, Storage: storage) : new(UploadOutcome.TooLarge, Storage: storage);
        }
        catch (FileStoreUnavailableException ex)
        {
            logger.LogWarning(ex, "The file store is unavailable: an upload to listing {ListingId} was refused", listingId);
            return new(UploadOutcome.StoreUnavailable, Storage: storage);
        }

        if (counted.BytesRead == 0)
        {
            await DeleteStoredAsync(key);
            return new(UploadOutcome.Empty, Storage: storage);
        }

        var upload = new StoredUpload(UploadNames.FileName(fileName), UploadNames.ContentType(contentType), counted.BytesRead, counted.Sha256Hex(), key);
        using (await locks.AcquireAsync($"listing-files:creator:{creatorProfileId}", TimeSpan.FromSeconds(30), cancellationToken))
        {
            var now = await StorageAsync(creatorProfileId, replaceFileId, cancellationToken);
            if (upload.SizeBytes > now.Remaining)
            {
                await DeleteStoredAsync(key);
                return new(UploadOutcome.StorageFull, Storage: now);
            }

            ListingFile file;
            string? oldKey = null;
            if (replaceFileId is { } replaced)
            {
                file = await db.ListingFiles.SingleAsync(f => f.Id == replaced, cancellationToken);
                oldKey = file.Replace(upload, Now());
            }
            else
            {
                file = new ListingFile(listingId, upload, Now());
                db.ListingFiles.Add(file);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (oldKey is not null) await DeleteStoredAsync(oldKey);
            return new(UploadOutcome.Done, file, now);
        }
    }

    /// <summary>Deletes a file of the creator's listing and its bytes; the deleted file, or null when not the creator's.</summary>
    public async Task<ListingFile?> DeleteAsync(int creatorProfileId, int listingId, int fileId, CancellationToken cancellationToken = default)
    {
        var file = await OwnedAsync(creatorProfileId, listingId, fileId, cancellationToken);
        if (file is null) return null;
        db.ListingFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        await DeleteStoredAsync(file.StoreKey);
        return file;
    }

    /// <summary>Lets every buyer of the listing download the file <c>MaxDownloadsPerFile</c> times again (the log is kept); null when not the creator's.</summary>
    public async Task<ListingFile?> ResetDownloadsAsync(int creatorProfileId, int listingId, int fileId, CancellationToken cancellationToken = default)
    {
        var file = await OwnedAsync(creatorProfileId, listingId, fileId, cancellationToken);
        if (file is null) return null;
        await db.FileDownloads.Where(d => d.ListingFileId == fileId && d.Counted).ExecuteUpdateAsync(s => s.SetProperty(d => d.Counted, false), cancellationToken);
        return file;
    }

    /// <summary>The plan's storage and the bytes the creator's files use (without file <paramref name="exceptFileId"/>, being replaced).</summary>
    public async Task<StorageUse> StorageAsync(int creatorProfileId, int? exceptFileId, CancellationToken cancellationToken = default)
    {
        var plan = await db.CreatorSubscriptions.AsNoTracking().Where(s => s.CreatorProfileId == creatorProfileId)
            .Select(s => new { s.Plan!.Code, s.Plan.Name }).SingleOrDefaultAsync(cancellationToken);
        var used = await db.ListingFiles.Where(f => f.Id != (exceptFileId ?? 0) && db.Listings.Any(l => l.Id == f.ListingId && l.CreatorProfileId == creatorProfileId))
            .Select(f => (long?)f.SizeBytes).SumAsync(cancellationToken) ?? 0;
        return new StorageUse(plan?.Name ?? "Free", options.Value.StorageBytesFor(plan?.Code), used);
    }

    private Task<ListingFile?> OwnedAsync(int creatorProfileId, int listingId, int fileId, CancellationToken cancellationToken) =>
        db.ListingFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.ListingId == listingId
            && db.Listings.Any(l => l.Id == listingId && l.CreatorProfileId == creatorProfileId), cancellationToken);

    /// <summary>Deletes bytes no row names any more; a failure is logged and left to <see cref="OrphanFileSweepJob"/>.</summary>
    private async Task DeleteStoredAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or FileStoreUnavailableException)
        {
            logger.LogWarning(ex, "Could not delete stored file {Key}; the orphan sweep will", key);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>A plan's file storage: its name, what it allows and what is used, in bytes.</summary>
public sealed record StorageUse(string PlanName, long LimitBytes, long UsedBytes)
{
    /// <summary>Bytes left (never negative).</summary>
    public long Remaining => Math.Max(0, LimitBytes - UsedBytes);
}

/// <summary>The files page of a listing: its files, the creator's storage and the per-file limit in bytes.</summary>
public sealed record ListingFilesView(int ListingId, string ListingTitle, IReadOnlyList<ListingFile> Files, StorageUse Storage, long MaxFileBytes);

/// <summary>What happened to an upload.</summary>
public enum UploadOutcome
{
    Done,
    NotFound,
    Empty,
    TooLarge,
    StorageFull,
    StoreUnavailable,
    WrongType,
}

/// <summary>The outcome, with the file stored (Done) and the storage as it was checked.</summary>
public sealed record UploadResult(UploadOutcome Outcome, ListingFile? File = null, StorageUse? Storage = null);
