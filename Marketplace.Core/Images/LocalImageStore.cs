using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Marketplace.Files;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Images;

/// <summary>
/// Renditions as files under <see cref="ListingImageOptions.ImageDirectory"/>: <c>{dir}/ab/{sha256}.jpg</c>. Keys are
/// checked against <see cref="KeyPattern"/> before any path is built, so a request cannot name another file. Writes go
/// to a temporary file first, then a rename, so a reader never sees half a file.
/// </summary>
public sealed partial class LocalImageStore(IOptions<ListingImageOptions> options, string contentRoot) : IImageStore
{
    private readonly string _root = Path.GetFullPath(Path.Combine(contentRoot, options.Value.ImageDirectory));

    /// <summary>The folder the files are in (absolute).</summary>
    public string Root => _root;

    /// <summary>A well-formed key: two hex characters, a slash, 64 hex characters, <c>.jpg</c>.</summary>
    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <inheritdoc />
    public async Task SaveAsync(string key, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (!IsKey(key)) throw new ArgumentException("Not an image key.", nameof(key));
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!IsKey(key)) return Task.FromResult<Stream?>(null);
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_root)) yield break;
        foreach (var path in Directory.EnumerateFiles(_root, "*.jpg", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(path);
            if (!IsKey(key) || !info.Exists) continue;
            yield return new StoredObject(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!IsKey(key) || !File.Exists(PathOf(key))) return Task.FromResult(false);
        File.Delete(PathOf(key));
        return Task.FromResult(true);
    }

    private string PathOf(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{64}\\.jpg$")]
    private static partial Regex KeyPattern();
}
