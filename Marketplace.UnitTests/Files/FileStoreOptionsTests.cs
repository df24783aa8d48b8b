using System.Net;
using System.Net.Sockets;
using Marketplace.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Files;

/// <summary>Choosing the file store in configuration, and what a misconfigured or unreachable S3 store says.</summary>
public sealed class FileStoreOptionsTests
{
    [Fact]
    public void AddFileStore_ProviderS3WithoutBucketOrSecret_StartFailsNamingTheSettings()
    {
        using var services = Build(new() { ["Files:Provider"] = "S3", ["Files:S3:AccessKeyId"] = "id" });

        var start = () => services.GetRequiredService<IOptions<FileStoreOptions>>().Value;

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains("Files:S3:Bucket is required"))
            .And.Contain(f => f.Contains("Files:S3:AccessKeyId and Files:S3:SecretAccessKey go together"));
    }

    [Fact]
    public void AddFileStore_ProviderS3Complete_S3FileStore()
    {
        using var services = Build(new()
        {
            ["Files:Provider"] = "S3", ["Files:S3:Bucket"] = "b", ["Files:S3:ServiceUrl"] = "http://127.0.0.1:9000", ["Files:S3:ForcePathStyle"] = "true",
        });

        services.GetRequiredService<IFileStore>().Should().BeOfType<S3FileStore>();
    }

    [Fact]
    public void AddFileStore_NoProvider_LocalFileStore()
    {
        using var services = Build([]);

        services.GetRequiredService<IFileStore>().Should().BeOfType<LocalFileStore>();
    }

    [Fact]
    public async Task PutAsync_S3ServerDown_FileStoreUnavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var store = new S3FileStore(new S3StoreOptions
        {
            ServiceUrl = $"http://127.0.0.1:{port}", Bucket = "b", AccessKeyId = "k", SecretAccessKey = "s", ForcePathStyle = true, TimeoutSeconds = 10,
        });

        var put = () => store.PutAsync("listings/1/x", new MemoryStream([1, 2, 3]));

        await put.Should().ThrowAsync<FileStoreUnavailableException>().WithMessage("The S3 store (bucket 'b') did not answer*");
    }

    [Fact]
    public async Task GetDirectDownloadUrlAsync_PublicServiceUrl_SignedForThatHostWithAttachment()
    {
        using var store = new S3FileStore(new S3StoreOptions
        {
            ServiceUrl = "http://minio:9000", PublicServiceUrl = "http://localhost:9000", Bucket = "b", AccessKeyId = "k", SecretAccessKey = "s", ForcePathStyle = true,
        });

        var url = await store.GetDirectDownloadUrlAsync("listings/1/x", "a b.pdf", "application/pdf", TimeSpan.FromMinutes(5));

        url!.GetLeftPart(UriPartial.Path).Should().Be("http://localhost:9000/b/listings/1/x");
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        query["response-content-disposition"].Should().StartWith("attachment; filename=");
        query["response-content-type"].Should().Be("application/pdf");
        query["X-Amz-Signature"].Should().NotBeNullOrEmpty();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFileStore(configuration, Path.GetTempPath()).BuildServiceProvider();
    }
}
