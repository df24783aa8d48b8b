using Hangfire;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Marketplace.Core.Refunds;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.CheckoutClosing;

/// <summary>
/// Expires a closed shop's open buyer Checkout Sessions (<c>POST /v1/checkout/sessions/{id}/expire</c>, idempotency key
/// <c>checkout-expire:{cs}</c>, https://docs.stripe.com/api/checkout/sessions/expire) and settles each order from the
/// session as Stripe then holds it (<see cref="OrderFulfilment"/>: expired → Expired). A session that completed anyway
/// (the buyer paid in the race) makes its order Paid; every order of the shop that became Paid at or after the closing is
/// refunded in full (<see cref="OrderRefunds"/>, one refund per order whatever the retries) and marked
/// <see cref="Order.ShopClosedRefundAt"/>, which the order page explains. Does nothing when the shop can take payments
/// again by the time it runs (<see cref="PaymentEligibility"/>). Throws when a session is still open after its expiry
/// was asked, so Hangfire retries.
/// </summary>
public sealed class ExpireShopCheckoutsJob(MarketplaceDbContext db, IStripeGateway stripe, OrderFulfilment fulfilment, OrderRefunds refunds,
    PaymentEligibility eligibility, TimeProvider clock, ILogger<ExpireShopCheckoutsJob> logger)
{
    /// <summary>The refund form token of the platform's full refund of order <paramref name="orderId"/>: one refund per order.</summary>
    public static string RefundToken(int orderId) => FormattableString.Invariant($"shop-closed-{orderId}");

    /// <summary>
    /// Closes creator <paramref name="creatorProfileId"/>'s checkouts as of <paramref name="closedAt"/> (UTC); returns how
    /// many sessions are settled (expired or paid and refunded).
    /// </summary>
    /// <exception cref="InvalidOperationException">A session is still open after its expiry was asked (Hangfire retries).</exception>
    [Queue("default")]
    [AutomaticRetry(Attempts = 10)]
    public async Task<int> RunAsync(int creatorProfileId, DateTime closedAt, CancellationToken cancellationToken)
    {
        if ((await eligibility.CanCreatorReceivePayments(creatorProfileId, cancellationToken)).IsEligible)
        {
            logger.LogInformation("Creator {CreatorId} can take payments again: their checkouts stay open", creatorProfileId);
            return 0;
        }

        var open = await db.Orders.AsNoTracking()
            .Where(o => o.CreatorProfileId == creatorProfileId && o.Status == OrderStatus.Pending && o.StripeCheckoutSessionId != null && o.CheckoutExpiresAt > closedAt)
            .Select(o => new { o.Id, SessionId = o.StripeCheckoutSessionId! }).ToListAsync(cancellationToken);
        var settled = 0;
        var stillOpen = new List<string>();
        foreach (var order in open)
        {
            var session = await stripe.ExpireCheckoutSessionAsync(order.SessionId, cancellationToken);
            var result = await fulfilment.ApplyAsync(session.Id, order.Id, cancellationToken);
            db.ChangeTracker.Clear();
            if (result.Outcome == FulfilmentOutcome.Expired) settled++;
            if (result.Session?.Status == "open") stillOpen.Add(order.SessionId);
        }

        settled += await RefundPaidSinceAsync(creatorProfileId, closedAt, cancellationToken);
        if (stillOpen.Count > 0) throw new InvalidOperationException($"Checkout Sessions still open after expiry: {string.Join(", ", stillOpen)}");
        return settled;
    }

    private async Task<int> RefundPaidSinceAsync(int creatorProfileId, DateTime closedAt, CancellationToken cancellationToken)
    {
        var paid = await db.Orders.Where(o => o.CreatorProfileId == creatorProfileId && o.Status == OrderStatus.Paid && o.PaidAt >= closedAt
            && o.CheckoutExpiresAt > closedAt).ToListAsync(cancellationToken);
        var refunded = 0;
        foreach (var order in paid)
        {
            if (order.MarkShopClosedRefund(clock.GetUtcNow().UtcDateTime)) await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var result = await refunds.RefundAsync(new RefundCommand(order.Id, null, null, RefundReasons.RequestedByCustomer, RefundToken(order.Id)), cancellationToken);
            db.ChangeTracker.Clear();
            if (!result.Succeeded) throw new InvalidOperationException($"Order {order.Id} of a closed shop could not be refunded: {result.Message}");
            logger.LogWarning("Order {OrderId} was paid after creator {CreatorId}'s shop closed: refunded in full", order.Id, creatorProfileId);
            refunded++;
        }

        return refunded;
    }
}
