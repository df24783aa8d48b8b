using Marketplace.Files;

namespace Marketplace.Core.Images;

/// <summary>
/// Where image renditions live, by key (<c>ab/abcdef….jpg</c>: the SHA-256 of the bytes, so a key never changes meaning
/// and can be cached forever). <see cref="LocalImageStore"/> writes files on this machine; <see cref="FileStoreImageStore"/>
/// keeps them in the S3 file store (<c>Files:Provider=S3</c>), shared by every web process.
/// </summary>
public interface IImageStore
{
    /// <summary>Stores <paramref name="bytes"/> under <paramref name="key"/> (written again when already there, which makes it recent for <see cref="OrphanImageSweepJob"/>).</summary>
    /// <exception cref="ArgumentException">Not an image key.</exception>
    Task SaveAsync(string key, byte[] bytes, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes for reading (seekable), or null when the key is unknown or malformed.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every stored rendition with its size and last write time (UTC), for the orphan sweep.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a rendition; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);
}
