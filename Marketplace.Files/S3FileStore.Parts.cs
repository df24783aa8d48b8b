using System.Buffers;
using Amazon.S3.Model;

namespace Marketplace.Files;

/// <summary>The parts of a multipart upload, sent <see cref="S3StoreOptions.ParallelParts"/> at a time.</summary>
public sealed partial class S3FileStore
{
    /// <summary>
    /// Sends <paramref name="first"/> (<paramref name="firstFilled"/> bytes: part 1) and the rest of
    /// <paramref name="content"/> as parts of the upload <paramref name="uploadId"/>, at most
    /// <see cref="S3StoreOptions.ParallelParts"/> at once, each in a buffer of its own (so at most that many parts are
    /// held); the next part is read only once fewer are in flight. Returns the parts in order and the bytes sent. The
    /// first failure cancels the parts still in flight and propagates (the caller aborts the upload).
    /// <paramref name="first"/> stays the caller's to return to the pool.
    /// </summary>
    /// <exception cref="FileStoreUnavailableException">The server refused a part or did not answer.</exception>
    private async Task<(List<PartETag> Parts, long Total)> UploadPartsAsync(string objectKey, string uploadId, Stream content, byte[] first,
        int firstFilled, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new List<(Task<PartETag> Task, byte[] Buffer)>();
        var rented = new List<byte[]>();
        var parts = new List<PartETag>();
        long total = 0;
        var number = 0;
        var buffer = first;
        var filled = firstFilled;
        try
        {
            while (filled > 0)
            {
                number++;
                total += filled;
                inFlight.Add((UploadPartAsync(objectKey, uploadId, number, buffer, filled, stop.Token), buffer));
                if (inFlight.Count < _parallelParts)
                {
                    buffer = ArrayPool<byte>.Shared.Rent(_partSize);
                    rented.Add(buffer);
                }
                else
                {
                    var finished = await Task.WhenAny(inFlight.Select(p => p.Task));
                    var index = inFlight.FindIndex(p => p.Task == finished);
                    buffer = inFlight[index].Buffer;
                    inFlight.RemoveAt(index);
                    parts.Add(await finished);
                }

                filled = await FillAsync(content, buffer, cancellationToken);
            }

            parts.AddRange(await Task.WhenAll(inFlight.Select(p => p.Task)));
            inFlight.Clear();
            parts.Sort((a, b) => a.PartNumber.GetValueOrDefault().CompareTo(b.PartNumber.GetValueOrDefault()));
            return (parts, total);
        }
        finally
        {
            if (inFlight.Count > 0)
            {
                await stop.CancelAsync();
                try
                {
                    await Task.WhenAll(inFlight.Select(p => p.Task));
                }
                catch (Exception ex) when (ex is FileStoreUnavailableException or OperationCanceledException)
                {
                    // The first failure is the one that propagates; the others are its consequence.
                }
            }

            foreach (var pooled in rented) ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    private async Task<PartETag> UploadPartAsync(string objectKey, string uploadId, int number, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        var part = await CallAsync(() => _client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket, Key = objectKey, UploadId = uploadId, PartNumber = number, PartSize = filled,
            InputStream = new MemoryStream(buffer, 0, filled, writable: false), UseChunkEncoding = false,
        }, cancellationToken), cancellationToken);
        return new PartETag(number, part.ETag);
    }
}
