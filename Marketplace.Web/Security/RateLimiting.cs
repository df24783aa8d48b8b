using Marketplace.Web.Orders;

namespace Marketplace.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter, registered once (https://learn.microsoft.com/aspnet/core/performance/rate-limit): the
/// Identity POST limits as its global limiter (<see cref="IdentityRateLimiting"/>) and the anonymous Buy policy
/// (<see cref="BuyRateLimiting"/>), and "find my orders" per client address (<see cref="OrdersByEmailRateLimiting"/>). A refused request answers 429 with <c>Retry-After: 60</c>, rendered by the status
/// page. The middleware runs once, after authentication (Buy's policy depends on who is signed in).
/// </summary>
public static class RateLimiting
{
    /// <summary>Registers the limiter with both sets of limits.</summary>
    public static IServiceCollection AddMarketplaceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        // Validated at start (SecurityOptions, BuyerOptions): a bad setting stops the app rather than the first request.
        var identityLimiter = IdentityRateLimiting.Limiter((configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new()).IdentityPostsPerMinute);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = identityLimiter;
            options.AddBuyPolicy(configuration);
            options.AddOrdersByEmailPolicy(configuration);
        });
    }
}
