namespace Marketplace.Core.Images;

/// <summary>
/// Where image renditions live, by key (<c>ab/abcdef….jpg</c>: the SHA-256 of the bytes, so a key never changes meaning
/// and can be cached forever). <see cref="LocalImageStore"/> writes files; a shared file store can replace it.
/// </summary>
public interface IImageStore
{
    /// <summary>Stores <paramref name="bytes"/> under <paramref name="key"/> (nothing happens when it is already there).</summary>
    Task SaveAsync(string key, byte[] bytes, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes for reading, or null when the key is unknown or malformed.</summary>
    Stream? OpenRead(string key);
}
