namespace Marketplace.SystemTests.Reliability;

/// <summary>
/// The app as a real OS process stops cleanly on SIGTERM (Docker's and systemd's stop signal): Kestrel, the Hangfire
/// server, the webhook dispatcher and the in-process Stripe emulator all stop, and the process exits with code 0.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "marketplace-tests", "sigterm-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SigTerm_RunningApp_ExitsWithinTenSecondsWithCodeZero()
    {
        // Arrange: the embedded defaults (SQLite, Hangfire server, the in-process emulator on a free port).
        Directory.CreateDirectory(_directory);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database:SqliteDirectory"] = _directory,
            ["Stripe:EmulatorUrl"] = "http://127.0.0.1:0",
            ["Stripe:SyncPricesOnStartup"] = "false",
        };
        using var app = await AppProcess.StartAsync(settings, Path.Combine(_directory, "app.log"), TimeSpan.FromSeconds(90));

        // Act
        var took = await app.TerminateAsync(TimeSpan.FromSeconds(10));

        // Assert
        took.Should().NotBeNull($"the app must exit within 10 s of SIGTERM; its log:\n{AppProcess.ReadLog(app.LogFile)}");
        app.ExitCode.Should().Be(0, $"a clean stop exits with 0; its log:\n{AppProcess.ReadLog(app.LogFile)}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
