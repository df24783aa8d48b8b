using System.Threading.RateLimiting;
using Marketplace.Core.Buyers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Orders;

/// <summary>
/// Limits on "find my orders" (https://learn.microsoft.com/aspnet/core/performance/rate-limit), so the form cannot be
/// used to mail-bomb an address or to probe many: per client address, the <see cref="Policy"/> endpoint policy
/// (<c>Buyers:OrdersLinkPerAddressPerMinute</c>, default 5 POSTs a minute, then 429 with the status page); per email
/// address, <see cref="OrdersByEmailLimiter"/> (<c>Buyers:OrdersLinkPerEmailPerHour</c>, default 3 emails an hour,
/// after which the page answers the same and sends nothing). Fixed windows, in this process's memory.
/// </summary>
public static class OrdersByEmailRateLimiting
{
    /// <summary>The endpoint policy's name, for <c>[EnableRateLimiting]</c>.</summary>
    public const string Policy = "orders-by-email";

    /// <summary>Adds the <see cref="Policy"/> policy (per client address) to <paramref name="options"/>.</summary>
    public static void AddOrdersByEmailPolicy(this RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = (configuration.GetSection(BuyerOptions.SectionName).Get<BuyerOptions>() ?? new BuyerOptions()).OrdersLinkPerAddressPerMinute; // validated at start
        options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            "orders-by-email:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}

/// <summary>The per email address limit of "find my orders" emails (a singleton <see cref="PartitionedRateLimiter{TResource}"/> keyed by the lower-cased address).</summary>
public sealed class OrdersByEmailLimiter(IOptions<BuyerOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.OrdersLinkPerEmailPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>True when one more email may go to <paramref name="email"/> now (and counts it).</summary>
    public bool TryAcquire(string email)
    {
        using var lease = limiter.AttemptAcquire(email.Trim().ToLowerInvariant());
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();
}
