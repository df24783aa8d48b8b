using Marketplace.Core.Data;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Marketplace.Tests.Deployment;

/// <summary>
/// The two docker-compose files (SQL Server and PostgreSQL) and the Dockerfile, read as files: no Docker engine runs
/// here, so this is what can be checked — they parse, and they name every setting a replica and the worker need.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string[] RequiredSettings =
    [
        "ASPNETCORE_ENVIRONMENT", "Database__Provider", "ConnectionStrings__Marketplace", "Seed__AdminEmail", "Seed__AdminPassword",
        "Stripe__SecretKey", "Stripe__BillingWebhookSecret", "Stripe__ConnectWebhookSecret", "Hangfire__ServerEnabled",
    ];

    [Theory]
    [InlineData("docker-compose.yml", "sqlserver", DatabaseProvider.SqlServer, "Server=sqlserver,")]
    [InlineData("docker-compose.postgres.yml", "postgres", DatabaseProvider.Postgres, "Host=postgres;")]
    public void ComposeFile_Parses_DatabaseWithHealthCheckWebReplicasAndWorkerWithEverySetting(
        string file, string databaseService, DatabaseProvider provider, string connectionStart)
    {
        var services = Map(Load(file)["services"]);

        Map(services[databaseService]).Should().ContainKey("healthcheck");
        var web = Map(services["web"]);
        var worker = Map(services["worker"]);
        Map(web["build"])["dockerfile"].Should().Be("Marketplace.Web/Dockerfile");
        worker["image"].Should().Be(web["image"]);
        foreach (var app in new[] { web, worker })
        {
            Map(Map(app["depends_on"])[databaseService])["condition"].Should().Be("service_healthy");
            var environment = Map(app["environment"]).ToDictionary(e => e.Key, e => (string)e.Value);
            environment.Keys.Should().Contain(RequiredSettings);
            var configured = Enum.Parse<DatabaseProvider>(environment["Database__Provider"]);
            configured.Should().Be(provider);
            configured.IsServer().Should().BeTrue("replicas and a worker need a server database");
            environment["ConnectionStrings__Marketplace"].Should().StartWith(connectionStart);
            environment["ASPNETCORE_ENVIRONMENT"].Should().Be("Production");
            foreach (var secret in new[] { "Stripe__SecretKey", "Stripe__BillingWebhookSecret", "Stripe__ConnectWebhookSecret", "Seed__AdminPassword" })
                environment[secret].Should().StartWith("${", $"{secret} comes from the environment, never the file");
            environment["ConnectionStrings__Marketplace"].Should().Contain("Password=${");
        }

        Map(web["environment"])["Hangfire__ServerEnabled"].Should().Be("false", "replicas only serve requests");
        Map(worker["environment"])["Hangfire__ServerEnabled"].Should().Be("true", "the worker runs the jobs");
    }

    [Fact]
    public void PostgresComposeFile_RunsPostgres16()
    {
        var postgres = Map(Map(Load("docker-compose.postgres.yml")["services"])["postgres"]);

        postgres["image"].Should().Be("postgres:16");
        Map(postgres["environment"])["POSTGRES_PASSWORD"].Should().Be("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}");
    }

    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData("docker-compose.postgres.yml")]
    public void ComposeFile_MinioWithHealthCheckAndBucket_AppOnS3WithSecretsFromTheEnvironment(string file)
    {
        var services = Map(Load(file)["services"]);

        var minio = Map(services["minio"]);
        ((string)minio["image"]).Should().StartWith("minio/minio:");
        Map(minio["healthcheck"])["test"].Should().BeEquivalentTo(new object[] { "CMD", "mc", "ready", "local" });
        var bucket = Map(services["minio-bucket"]);
        Map(Map(bucket["depends_on"])["minio"])["condition"].Should().Be("service_healthy");
        ((string)((List<object>)bucket["command"])[0]).Should().Contain("mc mb --ignore-existing local/marketplace");
        foreach (var name in new[] { "web", "worker" })
        {
            var app = Map(services[name]);
            Map(Map(app["depends_on"])["minio-bucket"])["condition"].Should().Be("service_completed_successfully");
            var environment = Map(app["environment"]).ToDictionary(e => e.Key, e => (string)e.Value);
            environment["Files__Provider"].Should().Be("S3");
            environment["Files__S3__ServiceUrl"].Should().Be("http://minio:9000");
            environment["Files__S3__Bucket"].Should().Be("marketplace");
            environment["Files__S3__ForcePathStyle"].Should().Be("true");
            environment["Files__S3__AccessKeyId"].Should().StartWith("${MINIO_ROOT_USER");
            environment["Files__S3__SecretAccessKey"].Should().StartWith("${MINIO_ROOT_PASSWORD", "the secret comes from the environment, never the file");
        }
    }

    [Fact]
    public void Dockerfile_PublishesReleaseAndRunsAsNonRootUser()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "Marketplace.Web", "Dockerfile"));
        var finalStage = lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal)).ToList();

        lines.Should().Contain(l => l.Contains("dotnet publish", StringComparison.Ordinal) && l.Contains("-c Release", StringComparison.Ordinal));
        finalStage.Should().NotBeEmpty("the app runs on the ASP.NET Core runtime image");
        var user = finalStage.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        user.Should().Be("USER $APP_UID", "the runtime image's non-root app user (UID 1654), never root");
        finalStage.IndexOf(user).Should().BeLessThan(finalStage.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
    }

    private static Dictionary<object, object> Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), file));
        // MergingParser resolves the `<<: *app-environment` merge keys as Compose does.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object node) => node.Should().BeOfType<Dictionary<object, object>>().Subject;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Marketplace.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }
}
