namespace Marketplace.Files;

/// <summary>
/// The S3-compatible store's settings, section <c>Files:S3</c>. The keys are secrets: set them as environment variables
/// (<c>Files__S3__AccessKeyId</c>, <c>Files__S3__SecretAccessKey</c>), never in an appsettings file; left out, the AWS
/// SDK's own chain is used (instance profile, <c>AWS_ACCESS_KEY_ID</c>…). Checked at start by <see cref="FileStoreOptionsValidator"/>.
/// </summary>
public sealed class S3StoreOptions
{
    /// <summary>The endpoint of a non-AWS server (<c>http://minio:9000</c>, <c>https://{account}.r2.cloudflarestorage.com</c>); empty for AWS S3 itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The endpoint browsers reach the server at, when it differs from <see cref="ServiceUrl"/> (in docker compose the app
    /// talks to <c>http://minio:9000</c>, a browser to <c>http://localhost:9000</c>): presigned download URLs are signed for it.
    /// </summary>
    public string? PublicServiceUrl { get; set; }

    /// <summary>The bucket, which must exist (the app does not create it).</summary>
    public string? Bucket { get; set; }

    /// <summary>The region the requests are signed for; <c>us-east-1</c> by default (MinIO's; R2 wants <c>auto</c>).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The access key id; with <see cref="SecretAccessKey"/>, or both empty for the SDK's credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key (an environment variable only).</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Path-style URLs (<c>{ServiceUrl}/{bucket}/{key}</c>) rather than a bucket subdomain: MinIO and most local servers need it.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Objects' key prefix in the bucket (<c>marketplace/</c>), so one bucket can hold other things; empty by default.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>The part size of a multipart upload in MiB (5–512; 8 by default): what one upload holds in memory at once. Smaller files go in one PUT.</summary>
    public int PartSizeMiB { get; set; } = 8;

    /// <summary>
    /// How many parts of one multipart upload are sent at once (1–16; 4 by default). One upload holds at most this many
    /// parts in memory: <c>ParallelParts × PartSizeMiB</c> MiB (32 MiB by default).
    /// </summary>
    public int ParallelParts { get; set; } = 4;

    /// <summary>How long, in seconds, a request to the store may take before it counts as an outage (10–3,600; 100 by default).</summary>
    public int TimeoutSeconds { get; set; } = 100;
}
