using System.Security.Cryptography;
using Marketplace.Files;

namespace Marketplace.UnitTests.Files;

/// <summary>The local disk store: all-or-nothing writes, range reads, keys that cannot leave its folder.</summary>
public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "store-" + Guid.NewGuid().ToString("N"));

    private LocalFileStore Store() => new(_root);

    [Fact]
    public async Task PutAsync_WholeStream_ReadBackByteIdentical()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var store = Store();

        var written = await store.PutAsync("listings/1/a", new MemoryStream(bytes));

        written.Should().Be(bytes.Length);
        (await store.GetSizeAsync("listings/1/a")).Should().Be(bytes.Length);
        await using var read = (await store.OpenReadAsync("listings/1/a"))!;
        read.CanSeek.Should().BeTrue("range processing needs a seekable stream");
        (await ReadAllAsync(read)).Should().Equal(bytes);
    }

    [Fact]
    public async Task PutAsync_StreamFailsHalfway_NothingStoredAndOldBytesKept()
    {
        var store = Store();
        await store.PutAsync("k", new MemoryStream([1, 2, 3]));

        var act = () => store.PutAsync("k", new FailingStream(100_000));

        await act.Should().ThrowAsync<IOException>();
        await using (var read = (await store.OpenReadAsync("k"))!) (await ReadAllAsync(read)).Should().Equal([1, 2, 3]);
        await act.Should().ThrowAsync<IOException>();
        (await store.GetSizeAsync("other")).Should().BeNull();
        Directory.EnumerateFiles(Path.Combine(_root, "tmp")).Should().BeEmpty("the temporary file of a failed put is deleted");
        (await ToListAsync(store.ListAsync())).Select(o => o.Key).Should().Equal("k");
    }

    [Fact]
    public async Task OpenReadAsync_Range_OnlyThoseBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var store = Store();
        await store.PutAsync("r", new MemoryStream(bytes));

        await using var middle = (await store.OpenReadAsync("r", new ByteRange(1000, 500)))!;
        await using var tail = (await store.OpenReadAsync("r", new ByteRange(9990)))!;
        await using var past = (await store.OpenReadAsync("r", new ByteRange(20_000, 10)))!;

        (await ReadAllAsync(middle)).Should().Equal(bytes[1000..1500]);
        (await ReadAllAsync(tail)).Should().Equal(bytes[9990..]);
        (await ReadAllAsync(past)).Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_Stored_GoneAndSecondDeleteFalse()
    {
        var store = Store();
        await store.PutAsync("d", new MemoryStream([7]));

        (await store.DeleteAsync("d")).Should().BeTrue();

        (await store.OpenReadAsync("d")).Should().BeNull();
        (await store.DeleteAsync("d")).Should().BeFalse();
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task PutAsync_KeyLeavingTheFolder_Refused(string key)
    {
        var act = () => Store().PutAsync(key, new MemoryStream([1]));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task DeleteUnfinishedAsync_TemporaryFileOlderThanTheCutoff_DeletedAndANewerOneKept()
    {
        var store = Store();
        var leftover = Path.Combine(_root, "tmp", "crashed");
        await File.WriteAllBytesAsync(leftover, [1]);
        // The cutoff from the file's own time as this process reads it, not from the clock: under faketime (CI's date
        // runs) file times and the clock are shifted differently.
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(leftover), TimeSpan.Zero);

        var keptBeforeItsTime = await store.DeleteUnfinishedAsync(written.AddDays(-1));
        var deleted = await store.DeleteUnfinishedAsync(written.AddDays(1));

        keptBeforeItsTime.Should().Be(0);
        deleted.Should().Be(1);
        File.Exists(leftover).Should().BeFalse();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    /// <summary>Gives <c>failAfter</c> bytes, then fails as a dropped client connection does.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _given;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= failAfter) throw new IOException("The client went away.");
            var n = Math.Min(count, failAfter - _given);
            Array.Fill(buffer, (byte)9, offset, n);
            _given += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
