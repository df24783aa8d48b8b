using Marketplace.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Marketplace.Tests.Data;

/// <summary>What the start-up log tells a newcomer, and which categories log at Information by default.</summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task Start_Development_LogsUrlDatabaseFilesEmulatorAndAdminButNoHangfireInformation()
    {
        await using var factory = new LiveMarketplaceFactory();

        var log = await File.ReadAllLinesAsync(factory.LogFile);
        var summary = log.Where(l => l.Contains("Marketplace.Web.Configuration.StartupSummary", StringComparison.Ordinal)).ToList();
        summary.Should().Contain(l => l.Contains("listening on " + factory.AppUrl.ToString().TrimEnd('/')) && l.Contains("Development environment"));
        summary.Should().Contain(l => l.Contains(Path.Combine(factory.DataDirectory, "marketplace.db")) && l.Contains(Path.Combine(factory.DataDirectory, "hangfire.db")));
        summary.Should().Contain(l => l.Contains("Stripe: the emulator (no Stripe:SecretKey)") && l.Contains(factory.Emulator.BaseUrl.ToString().TrimEnd('/')));
        summary.Should().Contain(l => l.Contains(MarketplaceFactory.AdminEmail));
        log.Should().NotContain(l => l.Contains(MarketplaceFactory.AdminPassword));
    }

    /// <summary>
    /// The repository's <c>appsettings.json</c> (the one <c>dotnet run</c> uses; the test host's own folder holds the
    /// emulator's), read as the host reads its <c>Logging</c> section.
    /// </summary>
    [Fact]
    public void AppSettings_DefaultLogLevels_HangfireFromWarningAppFromInformation()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Marketplace.sln"))) root = root.Parent!;
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(root.FullName, "appsettings.json")).Build();

        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging"))
            .AddProvider(new FileLoggerProvider(Path.Combine(Path.GetTempPath(), $"startup-log-{Guid.NewGuid():N}.log"))));

        loggers.CreateLogger("Hangfire.Server.ExpirationManager").IsEnabled(LogLevel.Information).Should().BeFalse();
        loggers.CreateLogger("Hangfire.Server.ExpirationManager").IsEnabled(LogLevel.Warning).Should().BeTrue();
        loggers.CreateLogger("Marketplace.Core.Webhooks.WebhookDispatcher").IsEnabled(LogLevel.Information).Should().BeTrue();
    }
}
