using System.ComponentModel.DataAnnotations;

namespace Marketplace.Web.Security;

/// <summary>
/// The <c>Security:</c> settings of the web edge (docs/configuration.md), bound and validated at start
/// (<see cref="SecurityServiceCollectionExtensions.AddSecurityOptions"/>): a value out of range stops the app, naming the key.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security";

    /// <summary>
    /// POSTs per minute per client address to each of the Login, Register, Forgot password and Resend confirmation pages
    /// (<see cref="IdentityRateLimiting"/>); default 10, at least 1.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "Security:IdentityPostsPerMinute must be a positive number of POSTs per minute.")]
    public int IdentityPostsPerMinute { get; set; } = 10;

    /// <summary>
    /// Seconds between checks of a signed-in cookie's security stamp against the database (0: every request), so another
    /// browser's session ends this long after a password change or "Sign out everywhere else"; 0–86,400, default 60.
    /// </summary>
    [Range(0, 86_400, ErrorMessage = "Security:SessionValidationSeconds must be between 0 and 86400.")]
    public int SessionValidationSeconds { get; set; } = 60;

    /// <summary>Whether an admin without two-factor is sent to set it up before <c>/admin</c> and the dashboard (<see cref="AdminTwoFactor"/>); default true.</summary>
    public bool RequireAdminTwoFactor { get; set; } = true;

    /// <summary>Passkeys (WebAuthn): <c>Security:Passkeys:*</c>.</summary>
    public PasskeySettings Passkeys { get; set; } = new();
}
