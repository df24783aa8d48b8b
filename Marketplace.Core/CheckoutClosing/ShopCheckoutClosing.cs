using Hangfire;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.CheckoutClosing;

/// <summary>
/// Called where a shop stops being able to take payments (an admin suspends the creator, their paid subscription becomes
/// <c>past_due</c> or <c>unpaid</c>, their Connect account loses <c>charges_enabled</c>): enqueues one
/// <see cref="ExpireShopCheckoutsJob"/> for the creator, stamped with the moment of closing, so no buyer pays a shop
/// that can no longer take payments. Never calls Stripe itself: the caller's save is not held up.
/// </summary>
public sealed class ShopCheckoutClosing(IBackgroundJobClient jobs, TimeProvider clock, ILogger<ShopCheckoutClosing> logger)
{
    /// <summary>Enqueues the expiry of creator <paramref name="creatorProfileId"/>'s open buyer Checkout Sessions; <paramref name="why"/> is logged.</summary>
    public void Close(int creatorProfileId, string why)
    {
        var closedAt = clock.GetUtcNow().UtcDateTime;
        var jobId = jobs.Enqueue<ExpireShopCheckoutsJob>(job => job.RunAsync(creatorProfileId, closedAt, CancellationToken.None));
        logger.LogInformation("Creator {CreatorId} can no longer take payments ({Why}): job {JobId} expires their open Checkout Sessions", creatorProfileId, why, jobId);
    }
}
