using Marketplace.Tests.Infrastructure;

namespace Marketplace.SystemTests.MultiProcess;

/// <summary>
/// Issue 17, scenario 6: on SQLite the app is one process (its locks are per process). A process configured for a
/// multi-process role (a web replica without a Hangfire server, a worker serving only some queues) says so at start-up.
/// </summary>
public sealed class SqliteOneProcessTests
{
    private const string Warning = "Database:Provider is Sqlite but this process is configured as part of several";

    [Theory]
    [InlineData("false", "webhooks,default", "a web replica without a Hangfire server")]
    [InlineData("true", "webhooks", "a worker serving only webhooks")]
    public async Task Start_SqliteInAMultiProcessRole_WarnsThatSqliteIsOneProcessOnly(string serverEnabled, string queues, string role)
    {
        await using var app = new MarketplaceFactory { Settings = { ["Hangfire:ServerEnabled"] = serverEnabled, ["Hangfire:Queues"] = queues } };

        _ = app.Services; // starts the host

        AppProcess.ReadLog(app.LogFile).Should().Contain(Warning).And.Contain(role);
    }

    [Fact]
    public async Task Start_SqliteOneProcessServingEveryQueue_NoWarning()
    {
        await using var app = new MarketplaceFactory { Settings = { ["Hangfire:ServerEnabled"] = "true" } };

        _ = app.Services;

        AppProcess.ReadLog(app.LogFile).Should().NotBeEmpty().And.NotContain(Warning);
    }
}
