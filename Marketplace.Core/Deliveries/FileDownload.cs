namespace Marketplace.Core.Deliveries;

/// <summary>
/// One download a buyer started (a request from the first byte; a resumed range is not another download): the log of
/// what an order's buyer received, kept as evidence should they dispute the payment. The file's name and SHA-256 are
/// snapshotted, so the row outlives the file's replacement or deletion. Rows with <see cref="Counted"/> count against
/// <c>Listings:MaxDownloadsPerFile</c>; the creator's reset clears the flag, never the row.
/// </summary>
public class FileDownload
{
    private FileDownload()
    {
    }

    /// <summary>A counted download of <paramref name="file"/> for order <paramref name="orderId"/>.</summary>
    public FileDownload(int orderId, ListingFile file, DateTime now)
    {
        OrderId = orderId;
        ListingFileId = file.Id;
        FileName = file.OriginalName;
        Sha256 = file.Sha256;
        SizeBytes = file.SizeBytes;
        DownloadedAt = now;
        Counted = true;
    }

    public long Id { get; private set; }

    public int OrderId { get; private set; }

    /// <summary>The <see cref="ListingFile"/> id (no foreign key: the row outlives the file).</summary>
    public int ListingFileId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 hex of the bytes served.</summary>
    public string Sha256 { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime DownloadedAt { get; private set; }

    /// <summary>True until the creator resets the file's download count.</summary>
    public bool Counted { get; private set; }
}
