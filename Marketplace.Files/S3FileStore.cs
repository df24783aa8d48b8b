using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.Util;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Files;

/// <summary>
/// The S3-compatible store (AWS S3, MinIO, Cloudflare R2) through AWSSDK.S3: an object is <c>{KeyPrefix}{key}</c> in the
/// bucket. A put reads the content one part at a time (<see cref="S3StoreOptions.PartSizeMiB"/>; at most
/// <see cref="S3StoreOptions.ParallelParts"/> parts held and sent at once, the only bytes held):
/// a smaller object goes in one PUT, a larger one as a multipart upload completed at the end (atomic: readers see the
/// old object or the new one) and aborted on any failure, so nothing half-written stays. Downloads are presigned GETs
/// (<see cref="GetDirectDownloadUrlAsync"/>) carrying <c>response-content-disposition=attachment</c> and the stored
/// type. A failing or unreachable server raises <see cref="FileStoreUnavailableException"/>.
/// </summary>
public sealed partial class S3FileStore : IFileStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly IAmazonS3 _presigner;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly int _partSize;
    private readonly int _parallelParts;
    private readonly Protocol _publicProtocol;

    /// <summary>A store on <paramref name="options"/> (already validated by <see cref="FileStoreOptionsValidator"/>).</summary>
    public S3FileStore(S3StoreOptions options)
    {
        _bucket = options.Bucket!;
        _prefix = options.KeyPrefix ?? "";
        _partSize = options.PartSizeMiB * 1024 * 1024;
        _parallelParts = options.ParallelParts;
        _client = CreateClient(options, options.ServiceUrl);
        var publicUrl = string.IsNullOrWhiteSpace(options.PublicServiceUrl) ? options.ServiceUrl : options.PublicServiceUrl;
        _presigner = publicUrl == options.ServiceUrl ? _client : CreateClient(options, publicUrl);
        _publicProtocol = publicUrl is not null && publicUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
    }

    /// <inheritdoc />
    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var objectKey = ObjectKey(key);
        var buffer = ArrayPool<byte>.Shared.Rent(_partSize);
        try
        {
            var filled = await FillAsync(content, buffer, cancellationToken);
            if (filled < _partSize)
            {
                await CallAsync(() => _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _bucket, Key = objectKey, InputStream = new MemoryStream(buffer, 0, filled, writable: false), AutoCloseStream = false,
                    ContentType = "application/octet-stream", UseChunkEncoding = false,
                }, cancellationToken), cancellationToken);
                return filled;
            }

            var started = await CallAsync(() => _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
            {
                BucketName = _bucket, Key = objectKey, ContentType = "application/octet-stream",
            }, cancellationToken), cancellationToken);
            try
            {
                var (parts, total) = await UploadPartsAsync(objectKey, started.UploadId, content, buffer, filled, cancellationToken);

                await CallAsync(() => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = _bucket, Key = objectKey, UploadId = started.UploadId, PartETags = parts,
                }, cancellationToken), cancellationToken);
                return total;
            }
            catch
            {
                await AbortQuietlyAsync(objectKey, started.UploadId);
                throw;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var size = await GetSizeAsync(key, cancellationToken);
        if (size is not { } length) return null;
        var stream = new S3ReadStream(this, ObjectKey(key), length);
        if (range is null) return stream;
        ArgumentOutOfRangeException.ThrowIfNegative(range.Offset);
        stream.Position = Math.Min(range.Offset, length);
        return new RangeReadStream(stream, Math.Max(0, Math.Min(range.Length ?? long.MaxValue, length - stream.Position)));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (await GetSizeAsync(key, cancellationToken) is null) return false;
        await CallAsync(() => _client.DeleteObjectAsync(_bucket, ObjectKey(key), cancellationToken), cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default)
    {
        var objectKey = ObjectKey(key);
        try
        {
            var metadata = await CallAsync(() => _client.GetObjectMetadataAsync(_bucket, objectKey, cancellationToken), cancellationToken);
            return metadata.ContentLength;
        }
        catch (FileStoreUnavailableException ex) when (ex.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>Always null: the objects live on the S3 server, not on this machine's disk.</remarks>
    public string? GetLocalPath(string key) => null;

    /// <summary>
    /// A presigned GET valid for <paramref name="lifetime"/> on the SDK's clock (the one S3 checks the signature against,
    /// corrected for skew: not the app's clock, which tests may move), answering with <c>Content-Disposition: attachment</c>
    /// (an ASCII name and the UTF-8 <c>filename*</c>) and <paramref name="contentType"/>. Made offline: no request to the server.
    /// </summary>
    public async Task<Uri?> GetDirectDownloadUrlAsync(string key, string fileName, string contentType, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = ObjectKey(key), Verb = HttpVerb.GET, Protocol = _publicProtocol, Expires = AWSSDKUtils.CorrectedUtcNow.Add(lifetime),
        };
        request.ResponseHeaderOverrides.ContentDisposition = disposition.ToString();
        request.ResponseHeaderOverrides.ContentType = contentType;
        return new Uri(await _presigner.GetPreSignedURLAsync(request));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix.Length == 0 ? null : _prefix, ContinuationToken = continuation };
            var page = await CallAsync(() => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken);
            foreach (var item in page.S3Objects ?? [])
                if (item.Key.StartsWith(_prefix, StringComparison.Ordinal))
                    yield return new StoredObject(item.Key[_prefix.Length..], item.Size ?? 0, new DateTimeOffset(DateTime.SpecifyKind(item.LastModified ?? default, DateTimeKind.Utc).ToUniversalTime()));
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// Aborts multipart uploads (a process killed mid-upload) begun before <paramref name="olderThan"/>; 0 on a server
    /// that does not list them (s3rver answers NotImplemented): there, a bucket lifecycle rule is the cleanup.
    /// </summary>
    public async Task<int> DeleteUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        var aborted = 0;
        ListMultipartUploadsResponse page;
        try
        {
            page = await CallAsync(() => _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
            {
                BucketName = _bucket, Prefix = _prefix.Length == 0 ? null : _prefix,
            }, cancellationToken), cancellationToken);
        }
        catch (FileStoreUnavailableException ex) when (ex.InnerException is AmazonServiceException { ErrorCode: "NotImplemented" })
        {
            return 0;
        }

        foreach (var upload in page.MultipartUploads ?? [])
        {
            if (upload.Initiated is not { } initiated || new DateTimeOffset(DateTime.SpecifyKind(initiated, DateTimeKind.Utc)) >= olderThan) continue;
            await AbortQuietlyAsync(upload.Key, upload.UploadId);
            aborted++;
        }

        return aborted;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!ReferenceEquals(_presigner, _client)) _presigner.Dispose();
        _client.Dispose();
    }

    /// <summary>The bytes of <paramref name="objectKey"/> from <paramref name="offset"/> to the end, as S3's response stream.</summary>
    internal async Task<Stream> OpenFromAsync(string objectKey, long offset, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => _client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = objectKey, ByteRange = new Amazon.S3.Model.ByteRange($"bytes={offset}-"),
        }, cancellationToken), cancellationToken);
        return response.ResponseStream;
    }

    private string ObjectKey(string key) =>
        LocalFileStore.IsValidKey(key) ? _prefix + key : throw new ArgumentException($"Not a file store key: '{key}'.", nameof(key));

    /// <summary>Reads the content until the buffer's part is full or the content ends; the content's own failures propagate unchanged.</summary>
    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < _partSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, _partSize - filled), cancellationToken);
            if (read == 0) break;
            filled += read;
        }

        return filled;
    }

    private async Task AbortQuietlyAsync(string objectKey, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(_bucket, objectKey, uploadId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
        {
            // The server is gone, or does not abort (s3rver): the orphan sweep's DeleteUnfinishedAsync, or the bucket's
            // lifecycle rule, removes the parts later. The object itself was never completed, so nobody sees it.
        }
    }

    /// <summary>Runs one request, turning the server's refusals (also 404: callers check the inner exception) and network failures into <see cref="FileStoreUnavailableException"/>.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FileStoreUnavailableException($"The S3 store (bucket '{_bucket}') did not answer: {ex.Message}", ex);
        }
    }

    private static AmazonS3Client CreateClient(S3StoreOptions options, string? serviceUrl)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            MaxErrorRetry = 2,
            // Checksums only where S3 requires them: MinIO, R2 and local servers do not all take the SDK's default
            // trailing CRC32 (aws-chunked bodies).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrWhiteSpace(options.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }
}
