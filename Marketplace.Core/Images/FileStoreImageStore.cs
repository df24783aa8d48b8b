using System.Runtime.CompilerServices;
using Marketplace.Files;

namespace Marketplace.Core.Images;

/// <summary>
/// Renditions in the <see cref="IFileStore"/> under <c>images/{key}</c>: with <c>Files:Provider=S3</c> every web process
/// sees a picture another one stored. Served by the app (<c>/images/…</c>, cached a year), not by presigned URLs: they are
/// small, public, and their URLs must not expire.
/// </summary>
public sealed class FileStoreImageStore(IFileStore files) : IImageStore
{
    /// <summary>The key prefix of renditions in the file store (the orphan file sweep leaves it alone).</summary>
    public const string Prefix = "images/";

    /// <inheritdoc />
    public async Task SaveAsync(string key, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (!LocalImageStore.IsKey(key)) throw new ArgumentException("Not an image key.", nameof(key));
        await files.PutAsync(Prefix + key, new MemoryStream(bytes, writable: false), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        LocalImageStore.IsKey(key) ? files.OpenReadAsync(Prefix + key, null, cancellationToken) : Task.FromResult<Stream?>(null);

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in files.ListAsync(cancellationToken))
            if (stored.Key.StartsWith(Prefix, StringComparison.Ordinal) && LocalImageStore.IsKey(stored.Key[Prefix.Length..]))
                yield return stored with { Key = stored.Key[Prefix.Length..] };
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        LocalImageStore.IsKey(key) ? files.DeleteAsync(Prefix + key, cancellationToken) : Task.FromResult(false);
}
