namespace Marketplace.Core.Deliveries;

/// <summary>
/// A file a buyer of the listing gets once paid: its bytes are the file store's object <see cref="StoreKey"/>. A
/// listing has any number of them. Replacing one keeps the row (and so the buyers' links to it) and points it at the new
/// bytes, setting <see cref="ReplacedAt"/>; deleting one deletes the row (the download log keeps its name and hash).
/// </summary>
public class ListingFile
{
    private ListingFile()
    {
    }

    /// <summary>A file just stored for <paramref name="listingId"/>.</summary>
    public ListingFile(int listingId, StoredUpload upload, DateTime now)
    {
        ListingId = listingId;
        UploadedAt = now;
        Apply(upload);
    }

    public int Id { get; private set; }

    public int ListingId { get; private set; }

    /// <summary>The name the creator's file had (no folder), up to <see cref="MaxNameLength"/> characters; the buyer's download gets it.</summary>
    public string OriginalName { get; private set; } = "";

    /// <summary>The MIME type the browser sent with the upload (<c>application/octet-stream</c> when none or malformed).</summary>
    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the bytes, 64 lower-case hex digits, computed while they were received.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The file store's key of the current bytes.</summary>
    public string StoreKey { get; private set; } = "";

    /// <summary>UTC, the first upload.</summary>
    public DateTime UploadedAt { get; private set; }

    /// <summary>UTC, the latest replacement; null when never replaced.</summary>
    public DateTime? ReplacedAt { get; private set; }

    public const int MaxNameLength = 255;

    /// <summary>Points the file at new bytes; returns the store key of the old ones (for the caller to delete).</summary>
    public string Replace(StoredUpload upload, DateTime now)
    {
        var old = StoreKey;
        Apply(upload);
        ReplacedAt = now;
        return old;
    }

    private void Apply(StoredUpload upload)
    {
        OriginalName = upload.Name;
        ContentType = upload.ContentType;
        SizeBytes = upload.SizeBytes;
        Sha256 = upload.Sha256;
        StoreKey = upload.StoreKey;
    }
}

/// <summary>Bytes stored in the file store for a listing file: name, type, size, SHA-256 (hex) and key.</summary>
public sealed record StoredUpload(string Name, string ContentType, long SizeBytes, string Sha256, string StoreKey);
