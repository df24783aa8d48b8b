using Marketplace.Core.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Web.Emails;

/// <summary>
/// Absolute links of the app for emails, which are sent from a job (no request): <c>App:PublicBaseUrl</c>, else the
/// first address the server listens on (a wildcard host becomes <c>localhost</c>), else <c>http://localhost:5000</c>.
/// </summary>
public sealed class EmailLinks(IOptions<AppOptions> app, IServer server)
{
    /// <summary>The absolute URL of <paramref name="path"/> (starting with one <c>/</c>).</summary>
    /// <exception cref="ArgumentException">The path does not start with a single <c>/</c>.</exception>
    public string For(string path)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A local path starting with one '/' is expected.", nameof(path));
        return BaseUrl().TrimEnd('/') + path;
    }

    private string BaseUrl()
    {
        var configured = app.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return "http://localhost:5000";
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
