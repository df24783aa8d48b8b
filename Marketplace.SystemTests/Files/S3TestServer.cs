using Marketplace.Files;

namespace Marketplace.SystemTests.Files;

/// <summary>
/// The S3-compatible server <c>./test.sh</c> starts (s3rver from <c>tools/s3</c>, bucket <c>marketplace-test</c>, keys
/// <c>S3RVER</c>/<c>S3RVER</c>), found through <c>MARKETPLACE_TEST_S3</c> (its URL). Each caller gets a key prefix of
/// its own, so tests never see each other's objects. Without the variable an S3 test fails; it is never skipped.
/// </summary>
public static class S3TestServer
{
    /// <summary>The environment variable <c>./test.sh</c> sets.</summary>
    public const string Variable = "MARKETPLACE_TEST_S3";

    /// <summary>The bucket test.sh creates.</summary>
    public const string Bucket = "marketplace-test";

    /// <summary>The server's URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    /// <exception cref="InvalidOperationException">No server is configured.</exception>
    public static string Url =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"No S3 server for the S3 tests ({Variable} is not set): run ./test.sh, which starts s3rver.");

    /// <summary>Store settings on the server under a fresh prefix (<c>t{guid}/</c>); small parts so a few MiB go multipart.</summary>
    public static S3StoreOptions Options() => new()
    {
        ServiceUrl = Url, Bucket = Bucket, Region = "us-east-1", AccessKeyId = "S3RVER", SecretAccessKey = "S3RVER", ForcePathStyle = true,
        KeyPrefix = $"t{Guid.NewGuid():N}/", PartSizeMiB = 5, TimeoutSeconds = 30,
    };

    /// <summary>The same settings as configuration keys for the app (<c>Files:Provider=S3</c>, <c>Files:S3:…</c>).</summary>
    public static Dictionary<string, string?> AppSettings(S3StoreOptions options) => new()
    {
        ["Files:Provider"] = "S3",
        ["Files:S3:ServiceUrl"] = options.ServiceUrl,
        ["Files:S3:Bucket"] = options.Bucket,
        ["Files:S3:Region"] = options.Region,
        ["Files:S3:AccessKeyId"] = options.AccessKeyId,
        ["Files:S3:SecretAccessKey"] = options.SecretAccessKey,
        ["Files:S3:ForcePathStyle"] = "true",
        ["Files:S3:KeyPrefix"] = options.KeyPrefix,
        ["Files:S3:PartSizeMiB"] = options.PartSizeMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
