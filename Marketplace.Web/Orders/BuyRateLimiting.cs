using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.Core.Orders;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Orders;

/// <summary>
/// ASP.NET Core's rate limiter on Buy (https://learn.microsoft.com/aspnet/core/performance/rate-limit): each click costs
/// a Stripe call against <c>Stripe:RequestsPerSecond</c>, so a visitor without an account gets
/// <c>Orders:AnonymousBuyPermitPerMinute</c> per client address per minute, and a signed-in user
/// <c>Orders:SignedInBuyPermitPerMinute</c> per user id per minute, whatever their address or cookies (fixed windows),
/// then HTTP 429 with <c>Retry-After</c> and the status page. The client address is the connection's, or the one a
/// configured known proxy forwarded (<see cref="Security.ForwardedHeadersSetup"/>).
/// </summary>
public static class BuyRateLimiting
{
    /// <summary>The policy's name, for <c>[EnableRateLimiting]</c>.</summary>
    public const string Policy = "buy";

    /// <summary>Adds the <see cref="Policy"/> policy to <paramref name="options"/>.</summary>
    public static void AddBuyPolicy(this RateLimiterOptions options, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OrderOptions.SectionName).Get<OrderOptions>() ?? new OrderOptions();
        options.AddPolicy(Policy, context =>
        {
            var userId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            return userId is not null
                ? RateLimitPartition.GetFixedWindowLimiter("user:" + userId, _ => Window(settings.SignedInBuyPermitPerMinute))
                : RateLimitPartition.GetFixedWindowLimiter("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => Window(settings.AnonymousBuyPermitPerMinute));
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
