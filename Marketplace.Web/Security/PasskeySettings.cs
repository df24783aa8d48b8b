namespace Marketplace.Web.Security;

/// <summary>The <c>Security:Passkeys:</c> settings (part of <see cref="SecurityOptions"/>).</summary>
public sealed class PasskeySettings
{
    /// <summary>
    /// The relying party's domain passkeys are bound to (e.g. <c>shop.example.com</c>); empty (default): the request's host.
    /// </summary>
    public string? ServerDomain { get; set; }
}
