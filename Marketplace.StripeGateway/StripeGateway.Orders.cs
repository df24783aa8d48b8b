using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Session> CreateDestinationChargeCheckoutSessionAsync(DestinationChargeCheckout request, CancellationToken cancellationToken = default) =>
        client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency,
                        UnitAmount = request.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions
                        {
                            Name = request.ProductName,
                            Description = request.ProductDescription,
                            Images = request.ProductImages is { Count: > 0 } images ? [.. images] : null,
                        },
                    },
                },
            ],
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = request.DestinationAccountId },
                ApplicationFeeAmount = request.ApplicationFeeMinor > 0 ? request.ApplicationFeeMinor : null,
                StatementDescriptorSuffix = request.StatementDescriptorSuffix,
                Metadata = new Dictionary<string, string>(request.Metadata),
            },
            Metadata = new Dictionary<string, string>(request.Metadata),
            ClientReferenceId = request.ClientReferenceId,
            CustomerEmail = request.CustomerEmail,
            ExpiresAt = request.ExpiresAtUtc,
            Locale = request.Locale,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
        }, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Session?> FindCheckoutSessionWithPaymentAsync(string sessionId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Checkout.Sessions.GetAsync(sessionId,
            new SessionGetOptions { Expand = ["payment_intent.latest_charge.balance_transaction"] }, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<LoginLink> CreateLoginLinkAsync(string accountId, CancellationToken cancellationToken = default) =>
        client.V1.Accounts.LoginLinks.CreateAsync(accountId, new AccountLoginLinkCreateOptions(),
            new RequestOptions { IdempotencyKey = IdempotencyKeys.LoginLink(accountId, Guid.NewGuid()) }, cancellationToken);
}
