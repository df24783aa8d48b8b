namespace Marketplace.Files;

/// <summary>
/// Where uploaded files live. Keys are opaque strings chosen by the caller (letters, digits, <c>-</c>, <c>_</c>, <c>/</c>,
/// <c>.</c>; no <c>..</c>). A put is all or nothing: an interrupted write leaves no object under the key. Providers: the
/// local disk (<see cref="LocalFileStore"/>, the embedded default); an object store such as S3 fits the same shape, its
/// <see cref="GetDirectDownloadUrlAsync"/> answering a presigned GET.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> (read to its end) under <paramref name="key"/>, replacing what was there; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The key is not a valid key.</exception>
    /// <remarks>When reading <paramref name="content"/> throws (a client gone, a size limit), nothing is stored and the exception propagates.</remarks>
    Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// A read stream over the object, or null when there is none. Without <paramref name="range"/> the stream is seekable
    /// (for HTTP range processing); with it, the stream yields only the range's bytes.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The object's size in bytes; null when there is none (so also "exists").</summary>
    Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL the client may GET the object from directly for <paramref name="lifetime"/> (an S3 presigned GET), with
    /// the download's file name and content type; null when the provider has none (the local disk: the app serves the bytes).
    /// </summary>
    Task<Uri?> GetDirectDownloadUrlAsync(string key, string fileName, string contentType, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>
    /// The object's full path on this machine's disk, for the web server to send the file itself (Kestrel's
    /// <c>SendFileAsync</c> through <c>PhysicalFileResult</c>, with range processing); null when there is no such object
    /// or the provider keeps no files on this disk (an object store).
    /// </summary>
    string? GetLocalPath(string key);

    /// <summary>Every stored object with its last write time (UTC), for the orphan sweep; unfinished writes are not listed.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes what unfinished writes (a crash mid-upload) left, last written before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> DeleteUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}

/// <summary>A byte range: <paramref name="Offset"/> from the start, at most <paramref name="Length"/> bytes (null: to the end).</summary>
public sealed record ByteRange(long Offset, long? Length = null);

/// <summary>An object of the store: its key, size and last write time (UTC).</summary>
public sealed record StoredObject(string Key, long SizeBytes, DateTimeOffset LastModified);
