using System.Threading.RateLimiting;
using Marketplace.Core.Orders;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Orders;

/// <summary>
/// ASP.NET Core's rate limiter on Buy (https://learn.microsoft.com/aspnet/core/performance/rate-limit): each click costs
/// a Stripe call against <c>Stripe:MaxRequestsPerSecond</c>, so a visitor without an account gets
/// <c>Orders:AnonymousBuyPermitPerMinute</c> per client address per minute (fixed window), then HTTP 429 with
/// <c>Retry-After</c> and the status page. Signed-in buyers are not limited here (their reuse of one pending order is
/// the guard). Behind a proxy on loopback the client address comes from <c>X-Forwarded-For</c> (<see cref="Security.SecurityHeaders"/>, outside Development).
/// </summary>
public static class BuyRateLimiting
{
    /// <summary>The policy's name, for <c>[EnableRateLimiting]</c>.</summary>
    public const string Policy = "buy";

    /// <summary>Adds the <see cref="Policy"/> policy to <paramref name="options"/>.</summary>
    public static void AddBuyPolicy(this RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = configuration.GetSection(OrderOptions.SectionName).Get<OrderOptions>()?.AnonymousBuyPermitPerMinute ?? new OrderOptions().AnonymousBuyPermitPerMinute;
        options.AddPolicy(Policy, context => context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("signed-in")
            : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }
}
