namespace Marketplace.Core.Webhooks;

/// <summary>The Stripe event types the marketplace acts on (https://docs.stripe.com/api/events/types).</summary>
public static class StripeEventTypes
{
    public const string AccountUpdated = "account.updated";
    public const string CapabilityUpdated = "capability.updated";
    public const string AccountApplicationDeauthorized = "account.application.deauthorized";
    public const string PayoutCreated = "payout.created";
    public const string PayoutUpdated = "payout.updated";
    public const string PayoutPaid = "payout.paid";
    public const string PayoutFailed = "payout.failed";
    public const string PayoutCanceled = "payout.canceled";
    public const string CheckoutSessionCompleted = "checkout.session.completed";
    public const string CheckoutSessionExpired = "checkout.session.expired";
    public const string CustomerSubscriptionCreated = "customer.subscription.created";
    public const string CustomerSubscriptionUpdated = "customer.subscription.updated";
    public const string CustomerSubscriptionDeleted = "customer.subscription.deleted";
    public const string CustomerSubscriptionTrialWillEnd = "customer.subscription.trial_will_end";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentFailed = "invoice.payment_failed";
    public const string ChargeRefunded = "charge.refunded";
    public const string RefundUpdated = "refund.updated";
    public const string RefundFailed = "refund.failed";
    public const string ChargeDisputeCreated = "charge.dispute.created";
    public const string ChargeDisputeFundsWithdrawn = "charge.dispute.funds_withdrawn";
    public const string ChargeDisputeClosed = "charge.dispute.closed";

    /// <summary>What the Connect endpoint subscribes to: the creators' accounts and their payouts.</summary>
    public static IReadOnlyList<string> Connect { get; } =
        [AccountUpdated, CapabilityUpdated, AccountApplicationDeauthorized, PayoutCreated, PayoutUpdated, PayoutPaid, PayoutFailed, PayoutCanceled];

    /// <summary>What the Billing (platform) endpoint subscribes to: the creators' subscriptions, the buyers' payment-mode sessions, their refunds and disputes.</summary>
    public static IReadOnlyList<string> Billing { get; } =
    [
        CheckoutSessionCompleted, CheckoutSessionExpired, CustomerSubscriptionCreated, CustomerSubscriptionUpdated, CustomerSubscriptionDeleted, CustomerSubscriptionTrialWillEnd,
        InvoicePaid, InvoicePaymentFailed, ChargeRefunded, RefundUpdated, RefundFailed,
        ChargeDisputeCreated, ChargeDisputeFundsWithdrawn, ChargeDisputeClosed,
    ];
}
