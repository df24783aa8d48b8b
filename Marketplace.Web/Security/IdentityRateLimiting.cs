using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Security;

/// <summary>
/// A fixed-window limit on the POSTs of the Identity UI's Login, Register (creator and buyer), Forgot password and Resend email confirmation pages, per page and client
/// address (https://learn.microsoft.com/aspnet/core/performance/rate-limit): password guessing and account creation from
/// one address are slowed whatever the account. Over the limit: 429 with <c>Retry-After</c>, rendered by the status page.
/// </summary>
public static class IdentityRateLimiting
{
    private static readonly string[] LimitedPages = ["/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/RegisterBuyer", "/Identity/Account/ForgotPassword", "/Identity/Account/ResendEmailConfirmation"];

    /// <summary>
    /// The limiter (for <see cref="RateLimiterOptions.GlobalLimiter"/>: it applies to every request, so it needs no endpoint
    /// metadata): <paramref name="postsPerMinute"/> (<see cref="SecurityOptions.IdentityPostsPerMinute"/>, validated at start).
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> Limiter(int postsPerMinute)
    {
        return PartitionedRateLimiter.Create<HttpContext, string>(http =>
            LimitedPage(http.Request) is { } page
                ? RateLimitPartition.GetFixedWindowLimiter($"{page}|{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = postsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
    }

    private static string? LimitedPage(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
            ? LimitedPages.FirstOrDefault(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
            : null;
}
