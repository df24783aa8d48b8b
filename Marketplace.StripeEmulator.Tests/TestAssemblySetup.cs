using System.Runtime.CompilerServices;
using Marketplace.Testing.Hosting;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Runs once when the test assembly loads, before any test builds a host.</summary>
internal static class TestAssemblySetup
{
    /// <summary>Test hosts poll for file changes instead of holding inotify instances: see <see cref="FileWatching"/>.</summary>
    [ModuleInitializer]
    internal static void Initialize() => FileWatching.UsePollingInsteadOfInotify();
}
