using System.Buffers.Text;
using System.Security.Cryptography;

namespace Marketplace.Web.Orders;

/// <summary>
/// The random id of a buyer's browser, in the HttpOnly cookie <see cref="CookieName"/> (1 year, SameSite=Lax): a double
/// click or a second tab of the same browser reuses its pending order for a listing. It identifies a browser, not a
/// person, and grants nothing: the order page needs the order's own token. Signing in and signing out replace it
/// (<see cref="Renew"/>), so the next person on a shared browser starts with a key of their own.
/// </summary>
public static class BuyerKey
{
    public const string CookieName = "Marketplace.Buyer";

    /// <summary>The browser's key, set on the response when the request had none (or a malformed one).</summary>
    public static string GetOrCreate(HttpContext context)
    {
        if (context.Items[CookieName] is string renewed) return renewed;
        if (context.Request.Cookies.TryGetValue(CookieName, out var existing) && existing is { Length: 22 } && existing.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return existing;
        return Issue(context);
    }

    /// <summary>Sets a fresh key on the response (sign-in, sign-out), replacing the one the browser sent; nothing once the response started.</summary>
    public static void Renew(HttpContext context)
    {
        if (!context.Response.HasStarted) Issue(context);
    }

    private static string Issue(HttpContext context)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[CookieName] = key;
        context.Response.Cookies.Append(CookieName, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        return key;
    }
}
