using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary>
/// Checks <see cref="FileStoreOptions"/> at start: with <c>Files:Provider=S3</c>, a bucket, both keys or neither, a
/// well-formed <c>ServiceUrl</c> and the part size; each failure names the setting, so a misconfigured app refuses to start.
/// </summary>
public sealed class FileStoreOptionsValidator : IValidateOptions<FileStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FileStoreOptions options)
    {
        if (options.Provider != FileStoreProvider.S3) return ValidateOptionsResult.Success;
        var s3 = options.S3;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket)) failures.Add("Files:S3:Bucket is required when Files:Provider is S3.");
        if (string.IsNullOrWhiteSpace(s3.AccessKeyId) != string.IsNullOrWhiteSpace(s3.SecretAccessKey))
            failures.Add("Files:S3:AccessKeyId and Files:S3:SecretAccessKey go together (environment variables Files__S3__AccessKeyId and Files__S3__SecretAccessKey), or both are left out for the AWS SDK's credential chain.");
        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl) && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            failures.Add($"Files:S3:ServiceUrl '{s3.ServiceUrl}' is not an http(s) URL.");
        if (!string.IsNullOrWhiteSpace(s3.PublicServiceUrl) && !(Uri.TryCreate(s3.PublicServiceUrl, UriKind.Absolute, out var publicUrl) && publicUrl.Scheme is "http" or "https"))
            failures.Add($"Files:S3:PublicServiceUrl '{s3.PublicServiceUrl}' is not an http(s) URL.");
        if (string.IsNullOrWhiteSpace(s3.Region)) failures.Add("Files:S3:Region is required (us-east-1 for MinIO, auto for R2).");
        if (s3.PartSizeMiB is < 5 or > 512) failures.Add("Files:S3:PartSizeMiB is between 5 and 512 (S3's smallest part is 5 MiB).");
        if (s3.ParallelParts is < 1 or > 16) failures.Add("Files:S3:ParallelParts is between 1 and 16.");
        if (s3.TimeoutSeconds is < 10 or > 3600) failures.Add("Files:S3:TimeoutSeconds is between 10 and 3600.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
