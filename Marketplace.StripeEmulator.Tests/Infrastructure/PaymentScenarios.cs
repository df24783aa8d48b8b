using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeEmulator.Tests.Infrastructure;

/// <summary>Destination-charge set-ups done as the app does them: an onboarded Express creator, a payment-mode Checkout paid on the hosted page.</summary>
public static class PaymentScenarios
{
    /// <summary>An Express account taken through the hosted onboarding page (details submitted, capabilities active).</summary>
    public static async Task<Account> OnboardedExpressAccountAsync(EmulatorFixture emulator, StripeClient client, string country = "FR")
    {
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express", Country = country, Email = "creator@example.com",
            Capabilities = new AccountCapabilitiesOptions { CardPayments = new() { Requested = true }, Transfers = new() { Requested = true } },
        });
        var link = await client.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = account.Id, Type = "account_onboarding",
            RefreshUrl = "https://app.example/refresh", ReturnUrl = "https://app.example/return",
        });
        using var browser = emulator.Http();
        var response = await browser.PostFormAsync(link.Url, ("action", "complete"));
        if ((int)response.StatusCode != 303) throw new InvalidOperationException($"Onboarding answered {response.StatusCode}");
        return await client.V1.Accounts.GetAsync(account.Id);
    }

    /// <summary>A payment-mode session of one <c>price_data</c> line with a destination and an optional application fee.</summary>
    public static SessionCreateOptions DestinationCheckout(string destination, long amount, string currency, long? fee) => new()
    {
        Mode = "payment",
        LineItems =
        [
            new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = currency, UnitAmount = amount,
                    ProductData = new() { Name = "Artwork", Description = "A print", Metadata = new() { ["work_id"] = "7" } },
                },
            },
        ],
        CustomerEmail = "buyer@example.com",
        SuccessUrl = "https://app.example/ok?id={CHECKOUT_SESSION_ID}",
        CancelUrl = "https://app.example/cancel",
        PaymentIntentData = new SessionPaymentIntentDataOptions
        {
            ApplicationFeeAmount = fee,
            TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = destination },
            Metadata = new() { ["order_id"] = "42" },
            Description = "Order 42",
        },
    };

    /// <summary>Creates and pays a destination-charge Checkout; returns the completed session with the payment intent, charge and balance transaction expanded.</summary>
    public static async Task<Session> PaidDestinationCheckoutAsync(EmulatorFixture emulator, StripeClient client, string destination,
        long amount, string currency, long? fee, string card = "4242424242424242")
    {
        var session = await client.V1.Checkout.Sessions.CreateAsync(DestinationCheckout(destination, amount, currency, fee));
        using var browser = emulator.Http();
        var response = await browser.PayCheckoutAsync(session.Url, card);
        if ((int)response.StatusCode != 303) throw new InvalidOperationException($"Checkout answered {response.StatusCode}");
        return await client.V1.Checkout.Sessions.GetAsync(session.Id,
            new SessionGetOptions { Expand = ["payment_intent.latest_charge.balance_transaction"] });
    }

    /// <summary>A webhook endpoint of every event type on <paramref name="receiver"/>; returns its path there and its secret.</summary>
    public static async Task<(string Path, string Secret)> EndpointAsync(StripeClient client, WebhookReceiver receiver, bool connect)
    {
        var path = "/" + Guid.NewGuid().ToString("N");
        var endpoint = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = receiver.Url(path.TrimStart('/')), EnabledEvents = ["*"], Connect = connect,
        });
        return (path, endpoint.Secret);
    }
}
