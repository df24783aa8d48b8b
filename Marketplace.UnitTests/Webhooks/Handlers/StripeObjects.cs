using System.Net;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.UnitTests.Webhooks.Handlers;

/// <summary>
/// Stripe.net objects as the gateway returns them after a refetch, with only the fields the handlers read
/// (https://docs.stripe.com/api): amounts in minor units, times UTC. Each builder takes the few values a test varies.
/// </summary>
public static class StripeObjects
{
    /// <summary>The <c>evidence_details.due_by</c> of every <see cref="Dispute"/> built here (UTC).</summary>
    public static readonly DateTime EvidenceDueBy = new(2031, 1, 20, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>A subscription (<c>GET /v1/subscriptions/{id}</c>) on <paramref name="priceId"/>, one item, period now → +30 days.</summary>
    public static Subscription Subscription(string id, string customerId, string priceId, string status = "active", int? creatorId = null,
        DateTime? trialEnd = null, bool cancelAtPeriodEnd = false, DateTime? created = null)
    {
        var now = DateTime.UtcNow;
        return new Subscription
        {
            Id = id,
            CustomerId = customerId,
            Status = status,
            Created = created ?? now.AddMinutes(-5),
            CancelAtPeriodEnd = cancelAtPeriodEnd,
            TrialEnd = trialEnd,
            Metadata = creatorId is { } c ? new Dictionary<string, string> { ["creator_id"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
            Items = new StripeList<SubscriptionItem>
            {
                Data = [new SubscriptionItem { Id = $"si_{id}", Price = new Price { Id = priceId }, CurrentPeriodStart = now.AddDays(-1), CurrentPeriodEnd = now.AddDays(29) }],
            },
        };
    }

    /// <summary>An invoice (<c>GET /v1/invoices/{id}</c>) of <paramref name="subscriptionId"/> (null: a one-off invoice), in EUR.</summary>
    public static Invoice Invoice(string id, string? subscriptionId, long amountPaid = 900, long amountDue = 900, DateTime? paidAt = null) => new()
    {
        Id = id,
        Currency = "eur",
        AmountPaid = amountPaid,
        AmountDue = amountDue,
        HostedInvoiceUrl = $"https://invoice.stripe.com/i/{id}",
        StatusTransitions = new InvoiceStatusTransitions { PaidAt = paidAt },
        Parent = subscriptionId is null ? null : new InvoiceParent { SubscriptionDetails = new InvoiceParentSubscriptionDetails { SubscriptionId = subscriptionId } },
    };

    /// <summary>A Connect account (<c>GET /v1/accounts/{id}</c>); <paramref name="creatorId"/> goes to <c>metadata[creator_id]</c>.</summary>
    public static Account Account(string id, bool charges = true, bool payouts = true, bool detailsSubmitted = true, int? creatorId = null,
        IReadOnlyList<string>? currentlyDue = null, string? disabledReason = null) => new()
    {
        Id = id,
        ChargesEnabled = charges,
        PayoutsEnabled = payouts,
        DetailsSubmitted = detailsSubmitted,
        Metadata = creatorId is { } c ? new Dictionary<string, string> { ["creator_id"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
        Requirements = new AccountRequirements { CurrentlyDue = [.. currentlyDue ?? []], DisabledReason = disabledReason },
    };

    /// <summary>A payout of a connected account (<c>GET /v1/payouts/{id}</c> with <c>Stripe-Account</c>), in EUR.</summary>
    public static Payout Payout(string id, string status, long amount = 12_345, string? failureCode = null, string? failureMessage = null) => new()
    {
        Id = id,
        Amount = amount,
        Currency = "eur",
        Status = status,
        ArrivalDate = DateTime.UtcNow.Date.AddDays(2),
        Created = DateTime.UtcNow.AddMinutes(-1),
        FailureCode = failureCode,
        FailureMessage = failureMessage,
    };

    /// <summary>
    /// A destination charge expanded with <c>refunds</c>, <c>transfer</c> (its reversals) and <c>application_fee</c>
    /// (<c>GET /v1/charges/{id}</c>); <paramref name="orderId"/> goes to <c>metadata[order_id]</c>.
    /// </summary>
    public static Charge Charge(string id, int? orderId = null, long amountRefunded = 0, long transferReversed = 0, long feeRefunded = 0,
        bool disputed = false, string destination = "acct_creator", IReadOnlyList<Refund>? refunds = null, IReadOnlyList<TransferReversal>? reversals = null) => new()
    {
        Id = id,
        AmountRefunded = amountRefunded,
        Disputed = disputed,
        Metadata = orderId is { } o ? new Dictionary<string, string> { ["order_id"] = o.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
        Refunds = new StripeList<Refund> { Data = [.. refunds ?? []] },
        Transfer = new Transfer
        {
            Id = $"tr_{id}",
            AmountReversed = transferReversed + (reversals?.Sum(r => r.Amount) ?? 0),
            DestinationId = destination,
            Reversals = new StripeList<TransferReversal> { Data = [.. reversals ?? []] },
        },
        ApplicationFee = new ApplicationFee { Id = $"fee_{id}", AmountRefunded = feeRefunded },
    };

    /// <summary>A refund (<c>GET /v1/refunds/{id}</c>) of <paramref name="chargeId"/>.</summary>
    public static Refund Refund(string id, string? chargeId, long amount, string status = "succeeded", string? failureReason = null) => new()
    {
        Id = id,
        ChargeId = chargeId,
        Amount = amount,
        Status = status,
        FailureReason = failureReason,
        Created = DateTime.UtcNow,
    };

    /// <summary>A dispute (<c>GET /v1/disputes/{id}</c>) of <paramref name="chargeId"/>, evidence due by <see cref="EvidenceDueBy"/>.</summary>
    public static Dispute Dispute(string id, string chargeId, long amount, string status = "needs_response", string reason = "fraudulent") => new()
    {
        Id = id,
        ChargeId = chargeId,
        Amount = amount,
        Status = status,
        Reason = reason,
        Created = DateTime.UtcNow.AddMinutes(-1),
        EvidenceDetails = new DisputeEvidenceDetails { DueBy = EvidenceDueBy },
    };

    /// <summary>A transfer reversal made for dispute <paramref name="disputeId"/> (<c>metadata[dispute_id]</c>).</summary>
    public static TransferReversal DisputeReversal(string id, string disputeId, long amount) => new()
    {
        Id = id,
        Amount = amount,
        Metadata = new Dictionary<string, string> { ["dispute_id"] = disputeId },
    };

    /// <summary>A subscription-mode Checkout Session (<c>GET /v1/checkout/sessions/{id}</c>), complete.</summary>
    public static Session SubscriptionSession(string id, string? subscriptionId, int? creatorId = null, string? clientReferenceId = null) => new()
    {
        Id = id,
        Mode = "subscription",
        Status = "complete",
        SubscriptionId = subscriptionId,
        ClientReferenceId = clientReferenceId,
        Metadata = creatorId is { } c ? new Dictionary<string, string> { ["creator_id"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
    };

    /// <summary>
    /// A payment-mode Checkout Session of order <paramref name="orderId"/> (<c>metadata.order_id</c> and
    /// <c>client_reference_id</c>) expanded with <c>payment_intent.latest_charge.balance_transaction</c>.
    /// </summary>
    public static Session OrderSession(string id, int orderId, string status = "complete", string paymentStatus = "paid", string chargeId = "ch_order")
    {
        var order = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Session
        {
            Id = id,
            Mode = "payment",
            Status = status,
            PaymentStatus = paymentStatus,
            ClientReferenceId = order,
            Metadata = new Dictionary<string, string> { ["order_id"] = order },
            ExpiresAt = DateTime.UtcNow.AddHours(1),
            Url = $"https://checkout.stripe.com/c/pay/{id}",
            CustomerDetails = new SessionCustomerDetails { Email = "buyer@example.com" },
            PaymentIntent = status == "complete"
                ? new PaymentIntent
                {
                    Id = $"pi_{id}",
                    LatestCharge = new Charge
                    {
                        Id = chargeId,
                        TransferId = $"tr_{chargeId}",
                        ApplicationFeeId = $"fee_{chargeId}",
                        ReceiptUrl = $"https://pay.stripe.com/receipts/{chargeId}",
                        BalanceTransaction = new BalanceTransaction { Fee = 59 },
                    },
                }
                : null,
        };
    }

    /// <summary>Stripe's 404 <c>resource_missing</c> (https://docs.stripe.com/error-codes/resource-missing).</summary>
    public static StripeException ResourceMissing(string what) =>
        new(HttpStatusCode.NotFound, new StripeError { Type = "invalid_request_error", Code = "resource_missing", Message = $"No such {what}" }, $"No such {what}");

    /// <summary>Stripe's 403 <c>account_invalid</c> for a connected account the platform can no longer reach.</summary>
    public static StripeException AccountInvalid() =>
        new(HttpStatusCode.Forbidden, new StripeError { Type = "invalid_request_error", Code = "account_invalid", Message = "The provided key does not have access to account" },
            "account_invalid");

    /// <summary>Stripe's 500 <c>api_error</c>: worth retrying.</summary>
    public static StripeException ServerError() =>
        new(HttpStatusCode.InternalServerError, new StripeError { Type = "api_error", Message = "An unknown error occurred" }, "An unknown error occurred");
}
