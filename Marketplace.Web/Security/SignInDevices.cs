using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Core.SignInThrottling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// The device cookie of OWASP's "device cookies" (https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies):
/// set at each complete sign-in (password, and the second factor when there is one), one per user (named
/// <c>Marketplace.Device.{8 hex of SHA-256(user id)}</c>, HttpOnly, SameSite=Lax), holding the user id and its expiry
/// (<see cref="SignInThrottleOptions.DeviceCookieDays"/>, 180 days by default) protected by Data Protection (the key ring
/// in the database, so every process reads it). A browser that carries it for an account is exempt from that account's
/// lock (<see cref="SignInThrottle"/>); it still meets the per-address limits. It grants no access by itself.
/// </summary>
public sealed class SignInDevices(IDataProtectionProvider dataProtection, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private const string Prefix = "Marketplace.Device.";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Marketplace.SignInDevice.v1");

    /// <summary>True when the request carries an unexpired device cookie of <paramref name="userId"/>.</summary>
    public bool IsTrusted(HttpContext context, string userId)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName(userId), out var value) || string.IsNullOrEmpty(value)) return false;
        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && parts[0] == userId
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires;
        }
        catch (CryptographicException)
        {
            return false; // forged, or made with a key the ring no longer has
        }
    }

    /// <summary>Sets (or renews) the device cookie of <paramref name="userId"/> on the response; nothing once the response started.</summary>
    public void Remember(HttpContext context, string userId)
    {
        if (context.Response.HasStarted) return;
        var lifetime = TimeSpan.FromDays(options.Value.DeviceCookieDays);
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        context.Response.Cookies.Append(CookieName(userId), _protector.Protect($"{userId}|{expires.ToString(CultureInfo.InvariantCulture)}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = lifetime,
        });
    }

    /// <summary>The cookie's name for <paramref name="userId"/>: one per account, so a shared browser keeps each.</summary>
    public static string CookieName(string userId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..8];
}
