using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// ASP.NET Core's forwarded headers middleware (https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer)
/// with the proxies trusted listed in configuration only: <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges such as <c>172.16.0.0/12</c>). The framework's default (trust
/// loopback) is cleared, so with nothing configured <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are ignored and
/// the client address, which the per-address rate limits use, is the connection's. Only the last hop is read
/// (<c>ForwardLimit</c> 1): the address the trusted proxy saw.
/// </summary>
public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Binds and validates <see cref="ForwardedHeadersSettings"/> at start and configures <see cref="ForwardedHeadersOptions"/>
    /// from them.
    /// </summary>
    public static IServiceCollection AddMarketplaceForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            var proxies = settings.Value.Proxies().ToList();
            var networks = settings.Value.Networks().ToList();
            // Both lists empty would make the middleware trust every client, so with no proxy configured it reads nothing.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds 127.0.0.0/8 by default and the middleware still reads it
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return services;
    }
}
