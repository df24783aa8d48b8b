using System.Globalization;
using System.Net;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Marketplace.Core.ProcessingNotes;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Subscriptions;

/// <summary>
/// One live Stripe subscription per creator, the second line of defence behind the checkout (which expires a creator's
/// other open Checkout Sessions): when Stripe holds two live subscriptions for one creator (two Checkout pages paid),
/// the oldest is kept and each newer one is refunded (its first invoice's payment) and canceled at once
/// (https://docs.stripe.com/api/subscriptions/cancel), logged and noted for the admin on the webhook inbox row. A creator
/// who deleted their account keeps none (<see cref="EndForDeletedCreatorAsync"/>).
/// </summary>
public sealed class DuplicateSubscriptionGuard(
    IStripeGateway stripe,
    IDistributedLocks locks,
    WebhookProcessingNotes notes,
    ILogger<DuplicateSubscriptionGuard> logger)
{
    /// <summary>
    /// Given <paramref name="candidate"/>, a live subscription of the creator of <paramref name="row"/> that is not the row's
    /// current one, lists the live subscriptions of the creator's Customers (the candidate's and the row's), keeps the one
    /// created first (<c>created</c> is in whole seconds; in a tie the row's current one, then the lower id) and ends the
    /// others. Returns the subscription kept, which the caller applies. Safe to run twice and from two jobs at once (one
    /// lock per creator; a subscription already canceled is left).
    /// </summary>
    /// <exception cref="StripeException">Stripe failed a list, a cancel, or a refund with a 429 or 5xx (retried by the job).</exception>
    public async Task<Subscription> KeepOldestAsync(Subscription candidate, CreatorSubscription row, CancellationToken cancellationToken)
    {
        using var creatorLock = await locks.AcquireAsync($"live-subscriptions:creator:{row.CreatorProfileId}", TimeSpan.FromMinutes(1), cancellationToken);
        var live = new Dictionary<string, Subscription>(StringComparer.Ordinal) { [candidate.Id] = candidate };
        foreach (var customerId in new[] { candidate.CustomerId, row.StripeCustomerId }.OfType<string>().Distinct(StringComparer.Ordinal))
            foreach (var subscription in await stripe.ListCustomerSubscriptionsAsync(customerId, cancellationToken))
                if (IsLive(subscription) && BelongsTo(subscription, row.CreatorProfileId)) live[subscription.Id] = subscription;
        if (!IsLive(live[candidate.Id])) live.Remove(candidate.Id);
        if (live.Count <= 1) return candidate;

        var keeper = live.Values.OrderBy(s => s.Created).ThenBy(s => s.Id == row.StripeSubscriptionId ? 0 : 1)
            .ThenBy(s => s.Id, StringComparer.Ordinal).First();
        foreach (var duplicate in live.Values.Where(s => s.Id != keeper.Id))
            await EndDuplicateAsync(duplicate, keeper, row.CreatorProfileId, cancellationToken);
        return keeper;
    }

    /// <summary>True for a subscription that bills or will bill: active, trialing, past_due, unpaid, paused.</summary>
    public static bool IsLive(Subscription subscription) =>
        subscription.Status is "active" or "trialing" or "past_due" or "unpaid" or "paused";

    private static bool BelongsTo(Subscription subscription, int creatorProfileId) =>
        StripeMetadataKeys.ReadCreatorId(subscription.Metadata) is not { } id || id == creatorProfileId;

    /// <summary>
    /// A live subscription of a creator who deleted their account (a Checkout page paid while the deletion ran): refunded
    /// when Stripe allows it and canceled at once, noted for the admin. Returns the subscription as canceled.
    /// </summary>
    /// <exception cref="StripeException">Stripe failed the cancel or the refund with a 429 or 5xx (retried by the job).</exception>
    public async Task<Subscription> EndForDeletedCreatorAsync(Subscription subscription, int creatorProfileId, CancellationToken cancellationToken)
    {
        var creator = creatorProfileId.ToString(CultureInfo.InvariantCulture);
        var refund = await RefundFirstPaymentAsync(subscription, cancellationToken);
        var canceled = await stripe.CancelSubscriptionNowAsync(subscription.Id, $"Creator {creator} deleted their account.", cancellationToken);
        logger.LogWarning("Subscription {StripeSubscriptionId} of deleted creator {CreatorId} canceled at once; {Refund}", subscription.Id, creatorProfileId, refund);
        notes.Add($"Subscription {subscription.Id} of deleted creator {creator} canceled at once; {refund}.");
        return canceled;
    }

    // Refund first, then cancel: a retry after a failure between the two finds the duplicate still live and does both again
    // (the refund's idempotency key replays the first one).
    private async Task EndDuplicateAsync(Subscription duplicate, Subscription keeper, int creatorProfileId, CancellationToken cancellationToken)
    {
        var creator = creatorProfileId.ToString(CultureInfo.InvariantCulture);
        var refund = await RefundFirstPaymentAsync(duplicate, cancellationToken);
        await stripe.CancelSubscriptionNowAsync(duplicate.Id, $"Duplicate: creator {creator} already subscribes with {keeper.Id}.", cancellationToken);
        logger.LogWarning("Creator {CreatorId} had two live subscriptions: {StripeSubscriptionId} canceled at once, {KeptStripeSubscriptionId} kept; {Refund}",
            creatorProfileId, duplicate.Id, keeper.Id, refund);
        notes.Add($"Duplicate subscription {duplicate.Id} of creator {creator} canceled at once ({keeper.Id} kept); {refund}.");
    }

    private async Task<string> RefundFirstPaymentAsync(Subscription duplicate, CancellationToken cancellationToken)
    {
        if (duplicate.LatestInvoiceId is not { } invoiceId) return "no invoice to refund";
        try
        {
            var refund = await stripe.RefundInvoicePaymentAsync(invoiceId, $"refund:ended-subscription:{duplicate.Id}", cancellationToken);
            return refund is null
                ? $"invoice {invoiceId} has no paid payment to refund"
                : $"its payment refunded ({refund.Id}, {refund.Amount.ToString(CultureInfo.InvariantCulture)} {refund.Currency})";
        }
        catch (StripeException ex) when (ex.HttpStatusCode is not (HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError))
        {
            return $"its payment (invoice {invoiceId}) NOT refunded, Stripe answered {(int)ex.HttpStatusCode} \"{ex.Message}\": refund it from the Stripe Dashboard";
        }
    }
}
