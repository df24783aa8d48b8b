using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Marketplace.Files;

/// <summary>
/// The local disk store: an object is the file <c>{root}/objects/{key}</c>. A put writes <c>{root}/tmp/{random}</c>,
/// flushes it to disk, then renames it over the key (<see cref="File.Move(string, string, bool)"/>, atomic within one
/// file system), so a reader sees the old object or the whole new one, never a part, and an interrupted upload leaves
/// only a temporary file (removed by <see cref="DeleteUnfinishedAsync"/>).
/// </summary>
public sealed partial class LocalFileStore : IFileStore
{
    private readonly string _objects;
    private readonly string _temp;

    /// <summary>A store under <paramref name="rootDirectory"/> (an absolute path; created when missing).</summary>
    public LocalFileStore(string rootDirectory)
    {
        _objects = Path.Combine(rootDirectory, "objects");
        _temp = Path.Combine(rootDirectory, "tmp");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_temp);
    }

    /// <inheritdoc />
    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var target = PathOf(key);
        var temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            long written;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, 81920, cancellationToken);
                written = file.Length;
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult<Stream?>(null);
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }

        if (range is null) return Task.FromResult<Stream?>(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(range.Offset);
        stream.Seek(Math.Min(range.Offset, stream.Length), SeekOrigin.Begin);
        var length = Math.Max(0, Math.Min(range.Length ?? long.MaxValue, stream.Length - stream.Position));
        return Task.FromResult<Stream?>(new RangeReadStream(stream, length));
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(PathOf(key));
        return Task.FromResult(info.Exists ? info.Length : (long?)null);
    }

    /// <inheritdoc />
    public Task<Uri?> GetDirectDownloadUrlAsync(string key, string fileName, string contentType, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult<Uri?>(null);

    /// <inheritdoc />
    public string? GetLocalPath(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? path : null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Directory.EnumerateFiles(_objects, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            if (!info.Exists) continue;
            yield return new StoredObject(Path.GetRelativePath(_objects, path).Replace(Path.DirectorySeparatorChar, '/'), info.Length,
                new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> DeleteUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(_temp))
        {
            if (File.GetLastWriteTimeUtc(path) >= olderThan.UtcDateTime) continue;
            File.Delete(path);
            deleted++;
        }

        return Task.FromResult(deleted);
    }

    /// <summary>True for a key this store accepts: 1 to 400 characters of letters, digits, <c>-_./</c>, no empty or dot-only segment.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= 400 } && KeyPattern().IsMatch(key) && key.Split('/').All(s => s.Length > 0 && s.Trim('.').Length > 0);

    private string PathOf(string key) =>
        IsValidKey(key) ? Path.Combine(_objects, key.Replace('/', Path.DirectorySeparatorChar)) : throw new ArgumentException($"Not a file store key: '{key}'.", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9_./-]+$")]
    private static partial Regex KeyPattern();
}
