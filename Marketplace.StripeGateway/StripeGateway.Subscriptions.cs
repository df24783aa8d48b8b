using Stripe;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, SubscriptionUpdateOptions options, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.V1.Subscriptions.UpdateAsync(subscriptionId, options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Stripe.BillingPortal.Session> CreateBillingPortalSessionAsync(string customerId, string returnUrl, string locale, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.V1.BillingPortal.Sessions.CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = returnUrl,
            Locale = locale,
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListCustomerSubscriptionsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var subscriptions = new List<Subscription>();
        var options = new SubscriptionListOptions { Customer = customerId, Limit = 100 };
        await foreach (var subscription in client.V1.Subscriptions.ListAutoPagingAsync(options, cancellationToken: cancellationToken))
            subscriptions.Add(subscription);
        return subscriptions;
    }

    /// <inheritdoc />
    public async Task<Subscription> CancelSubscriptionNowAsync(string subscriptionId, string comment, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.V1.Subscriptions.CancelAsync(subscriptionId, new SubscriptionCancelOptions
            {
                InvoiceNow = false,
                Prorate = false,
                CancellationDetails = new SubscriptionCancellationDetailsOptions { Comment = comment },
            }, cancellationToken: cancellationToken);
        }
        catch (StripeException ex) when (ex.HttpStatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadRequest)
        {
            // Canceled meanwhile (by another job, the portal, a period end): Stripe refuses a second cancel.
            var subscription = await client.V1.Subscriptions.GetAsync(subscriptionId, cancellationToken: cancellationToken);
            if (subscription.Status != "canceled") throw;
            return subscription;
        }
    }

    /// <inheritdoc />
    public async Task<Refund?> RefundInvoicePaymentAsync(string invoiceId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var payments = await client.V1.InvoicePayments.ListAsync(new InvoicePaymentListOptions { Invoice = invoiceId }, cancellationToken: cancellationToken);
        var paid = payments.Data.FirstOrDefault(p => p.Status == "paid" && p.Payment?.PaymentIntentId is not null);
        if (paid is null) return null;
        return await client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paid.Payment.PaymentIntentId },
            new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
    }
}
