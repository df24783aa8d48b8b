namespace Marketplace.Core.Disputes;

/// <summary>Which evidence field of Stripe an attached file goes to (https://docs.stripe.com/api/disputes/update#update_dispute-evidence).</summary>
public enum EvidenceFileField
{
    /// <summary><c>evidence[receipt]</c>: the receipt or message sent to the buyer for the charge.</summary>
    Receipt,

    /// <summary><c>evidence[uncategorized_file]</c>: anything else (a screenshot, an email saved as PDF).</summary>
    Uncategorized,
}

/// <summary>
/// One file attached to a dispute answer: its field, the name the person chose, its length in bytes and a way to open its
/// content (read at most twice: its first bytes, then the upload). Nothing is read before the length is checked.
/// </summary>
public sealed record EvidenceFile(EvidenceFileField Field, string FileName, long Length, Func<Stream> Open);

/// <summary>
/// Stripe's rules for dispute evidence files (https://docs.stripe.com/disputes/responding and
/// https://docs.stripe.com/file-upload): PDF, JPEG or PNG, told by the content's first bytes (the name and the browser's
/// type are not trusted), all of an answer's files together at most <see cref="MaxTotalBytes"/>.
/// </summary>
public static class EvidenceFiles
{
    /// <summary>Stripe's limit for the combined evidence files of one dispute: 4.5 MB (4,718,592 bytes).</summary>
    public const long MaxTotalBytes = 4_718_592;

    /// <summary>The MIME type of <paramref name="head"/> (the file's first bytes): <c>application/pdf</c>, <c>image/jpeg</c>, <c>image/png</c>; null for any other content.</summary>
    public static string? ContentType(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => "application/pdf",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };

    /// <summary>The MIME type of <paramref name="file"/>'s content (its first 8 bytes), null when it is not a PDF, JPEG or PNG.</summary>
    public static async Task<string?> ContentTypeAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        await using var stream = file.Open();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return ContentType(head.AsSpan(0, read));
    }
}
