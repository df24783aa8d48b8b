using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Marketplace.Core.Deliveries;
using Marketplace.Files;

namespace Marketplace.SystemTests.Files;

/// <summary>The S3 provider of the file store against a real S3-compatible server (s3rver, started by ./test.sh).</summary>
public sealed class S3FileStoreTests : IDisposable
{
    private readonly S3FileStore _store = new(S3TestServer.Options());

    [Fact]
    public async Task PutAsync_LargerThanAPart_MultipartObjectWithTheSameBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(12 * 1024 * 1024 + 7); // three parts of 5 MiB, the last short

        var written = await _store.PutAsync("listings/1/big", new NonSeekableStream(bytes));

        written.Should().Be(bytes.Length);
        (await _store.GetSizeAsync("listings/1/big")).Should().Be(bytes.Length);
        await using var read = (await _store.OpenReadAsync("listings/1/big"))!;
        SHA256.HashData(read).Should().Equal(SHA256.HashData(bytes));
    }

    [Fact]
    public async Task PutAsync_MorePartsThanSentAtOnce_PartsInOrderAndTheSameBytes()
    {
        var options = S3TestServer.Options();
        options.ParallelParts = 2;
        using var store = new S3FileStore(options);
        var bytes = RandomNumberGenerator.GetBytes(4 * 5 * 1024 * 1024 + 3); // five parts of 5 MiB, two in flight at a time

        var written = await store.PutAsync("listings/1/parts", new NonSeekableStream(bytes));

        written.Should().Be(bytes.Length);
        await using var read = (await store.OpenReadAsync("listings/1/parts"))!;
        SHA256.HashData(read).Should().Equal(SHA256.HashData(bytes));
    }

    [Fact]
    public async Task OpenReadAsync_SeekThenRange_ThoseBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        await _store.PutAsync("listings/1/seek", new MemoryStream(bytes));

        await using var whole = (await _store.OpenReadAsync("listings/1/seek"))!;
        whole.CanSeek.Should().BeTrue();
        whole.Seek(90_000, SeekOrigin.Begin);
        var tail = new MemoryStream();
        await whole.CopyToAsync(tail);
        await using var range = (await _store.OpenReadAsync("listings/1/seek", new ByteRange(1000, 500)))!;
        var middle = new MemoryStream();
        await range.CopyToAsync(middle);

        tail.ToArray().Should().Equal(bytes[90_000..]);
        middle.ToArray().Should().Equal(bytes[1000..1500]);
    }

    [Fact]
    public async Task GetDirectDownloadUrlAsync_PresignedGet_AttachmentWithTheStoredTypeAndBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(4096);
        await _store.PutAsync("listings/1/doc", new MemoryStream(bytes));

        var url = await _store.GetDirectDownloadUrlAsync("listings/1/doc", "Guide été.pdf", "application/pdf", TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        var answer = await http.GetAsync(url);

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        answer.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        answer.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        answer.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Guide été.pdf");
    }

    [Fact]
    public async Task GetDirectDownloadUrlAsync_PastItsLifetime_403Expired()
    {
        await _store.PutAsync("listings/1/short", new MemoryStream([1, 2, 3]));
        // A SigV4 URL's X-Amz-Date is truncated to the second, so a lifetime of L seconds leaves between L − 1 and L:
        // 3 s keeps the first GET inside it on a loaded machine (with 1 s it could have under a millisecond).
        var url = await _store.GetDirectDownloadUrlAsync("listings/1/short", "a.txt", "text/plain", TimeSpan.FromSeconds(3));
        using var http = new HttpClient();
        (await http.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(4));
        var late = await http.GetAsync(url);

        // s3rver checks a SigV4 URL's key id and expiry but not its signature, and serves unsigned requests (no bucket
        // policies); S3 and MinIO check both, and a bucket is private by default.
        late.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await late.Content.ReadAsStringAsync()).Should().Contain("Request has expired");
    }

    [Fact]
    public async Task GetDirectDownloadUrlAsync_RangeOnThePresignedUrl_206()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        await _store.PutAsync("listings/1/video", new MemoryStream(bytes));
        var url = await _store.GetDirectDownloadUrlAsync("listings/1/video", "clip.mp4", "video/mp4", TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 199);

        var partial = await http.SendAsync(request);

        partial.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[100..200]);
    }

    [Fact]
    public async Task DeleteAsync_ListAsync_OnlyThisPrefixAndDeletedObjectsGone()
    {
        await _store.PutAsync("listings/2/a", new MemoryStream([1]));
        await _store.PutAsync("listings/2/b", new MemoryStream([1, 2]));

        var deleted = await _store.DeleteAsync("listings/2/a");
        var again = await _store.DeleteAsync("listings/2/a");
        var listed = new List<StoredObject>();
        await foreach (var item in _store.ListAsync()) listed.Add(item);

        (deleted, again).Should().Be((true, false));
        listed.Select(o => (o.Key, o.SizeBytes)).Should().Equal(("listings/2/b", 2L));
        listed[0].LastModified.Should().BeCloseTo(TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task PutAsync_ContentFailsMidway_NothingStored()
    {
        var bytes = RandomNumberGenerator.GetBytes(11 * 1024 * 1024);
        using var limited = new HashingLimitedStream(new MemoryStream(bytes), 8 * 1024 * 1024); // throws past 8 MiB: after the first part

        var put = () => _store.PutAsync("listings/3/cut", limited);

        await put.Should().ThrowAsync<UploadTooLargeException>();
        (await _store.GetSizeAsync("listings/3/cut")).Should().BeNull();
    }

    public void Dispose() => _store.Dispose();

    /// <summary>A request body as the app reads it: forward only, length unknown.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 65536));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
