using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Marketplace.Web.Configuration;

/// <summary>
/// The one documented configuration file, <c>appsettings.json</c>, lives at the repository root and is copied next
/// to the app's binaries (with <c>appsettings.{Environment}.json</c>). This points the default JSON sources at that
/// folder so they keep their place: environment variables and the command line still override them.
/// </summary>
public static class RootAppSettings
{
    /// <summary>Re-anchors the builder's <c>appsettings*.json</c> sources to <see cref="AppContext.BaseDirectory"/>.</summary>
    public static void UseRootAppSettings(this ConfigurationManager configuration)
    {
        var provider = new PhysicalFileProvider(AppContext.BaseDirectory);
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is not JsonConfigurationSource json || json.Path is null) continue;
            if (!json.Path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)) continue;
            sources[i] = new JsonConfigurationSource
            {
                FileProvider = provider,
                Path = json.Path,
                Optional = json.Optional,
                ReloadOnChange = json.ReloadOnChange,
            };
        }
    }
}
