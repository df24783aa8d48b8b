namespace Marketplace.Testing.Hosting;

/// <summary>
/// Keeps test hosts off inotify. Every ASP.NET Core host watches its <c>appsettings*.json</c> and its web root through
/// <c>PhysicalFileProvider</c>, and on Linux each watcher is one inotify instance, limited to 128 per user
/// (<c>/proc/sys/fs/inotify/max_user_instances</c>) for every process at once. A test run keeps dozens of hosts alive
/// in two test processes (and Chromium uses its own), so the limit is reached mid-run: a host then fails to start, or
/// a running one answers 500 on every page whose layout versions a file (<c>asp-append-version</c>) with
/// <c>IOException: The configured user limit (128) on the number of inotify instances has been reached</c>.
/// Polling watchers (<c>DOTNET_USE_POLLING_FILE_WATCHER</c>, read by <c>PhysicalFileProvider</c>) use no inotify, and
/// configuration is not watched at all (<c>hostBuilder:reloadConfigOnChange</c>): tests never edit files under a
/// running host. Child processes started by the tests (second app instances, the standalone emulator) inherit both.
/// </summary>
public static class FileWatching
{
    /// <summary>Sets the two environment variables for this process and its children; call before any host is built.</summary>
    public static void UsePollingInsteadOfInotify()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
