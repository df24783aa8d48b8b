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
    /// <summary>The configuration key of the limit: POSTs per minute per page and client address (default 10).</summary>
    public const string PostsPerMinuteKey = "Security:IdentityPostsPerMinute";

    private static readonly string[] LimitedPages = ["/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/RegisterBuyer", "/Identity/Account/ForgotPassword", "/Identity/Account/ResendEmailConfirmation"];

    /// <summary>
    /// The limiter (for <see cref="RateLimiterOptions.GlobalLimiter"/>: it applies to every request, so it needs no endpoint
    /// metadata); <see cref="PostsPerMinuteKey"/> must be a positive number.
    /// </summary>
    /// <exception cref="InvalidOperationException">The configured limit is not a positive number.</exception>
    public static PartitionedRateLimiter<HttpContext> Limiter(IConfiguration configuration)
    {
        var limit = configuration.GetValue(PostsPerMinuteKey, 10);
        if (limit <= 0) throw new InvalidOperationException($"{PostsPerMinuteKey} must be a positive number of POSTs per minute.");
        return PartitionedRateLimiter.Create<HttpContext, string>(http =>
            LimitedPage(http.Request) is { } page
                ? RateLimitPartition.GetFixedWindowLimiter($"{page}|{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
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
