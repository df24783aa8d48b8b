using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Marketplace.Web.Security;

/// <summary>
/// The <c>ForwardedHeaders:</c> settings: the proxies whose <c>X-Forwarded-*</c> headers are believed
/// (<see cref="ForwardedHeadersSetup"/>). Validated at start: an entry that is not an IP address or a CIDR range stops
/// the app, naming it. Blank entries are skipped.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies (<c>ForwardedHeaders:KnownProxies:{n}</c>); none by default.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>CIDR ranges of trusted proxies such as <c>172.16.0.0/12</c> (<c>ForwardedHeaders:KnownNetworks:{n}</c>); none by default.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The proxies' addresses, blank entries skipped (an entry that is no address is left to <see cref="Validate"/>).</summary>
    public IEnumerable<IPAddress> Proxies() =>
        KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : null).OfType<IPAddress>();

    /// <summary>The proxies' networks, blank entries skipped (an entry that is no range is left to <see cref="Validate"/>).</summary>
    public IEnumerable<IPNetwork> Networks() =>
        KnownNetworks.Select(n => IPNetwork.TryParse(n.Trim(), out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var p in KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p) && !IPAddress.TryParse(p.Trim(), out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var n in KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n) && !IPNetwork.TryParse(n.Trim(), out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{n}' is not a CIDR range such as 10.0.0.0/8.", [nameof(KnownNetworks)]);
    }
}
