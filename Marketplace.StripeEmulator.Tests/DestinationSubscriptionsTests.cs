using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// Subscriptions whose invoices are destination charges (https://docs.stripe.com/connect/subscriptions): Checkout's
/// <c>subscription_data[transfer_data][destination]</c> and <c>subscription_data[application_fee_percent]</c>; each paid
/// invoice charges the card, transfers to the account and takes the fee, first payment and renewals alike.
/// </summary>
public sealed class DestinationSubscriptionsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task CheckoutThenRenewal_DestinationAndTenPercent_EachInvoiceTransfersAndTakesFee()
    {
        // Arrange: an onboarded creator, a 5.00 EUR monthly price on the platform.
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Supporter" });
        var price = await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = product.Id, Currency = "eur", UnitAmount = 500, Recurring = new() { Interval = "month" },
        });
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new SessionLineItemOptions { Price = price.Id, Quantity = 1 }],
            CustomerEmail = "member@example.com",
            SuccessUrl = "https://app.example/ok",
            SubscriptionData = new SessionSubscriptionDataOptions
            {
                ApplicationFeePercent = 10m,
                TransferData = new SessionSubscriptionDataTransferDataOptions { Destination = account.Id },
                Metadata = new Dictionary<string, string> { ["membership_tier_id"] = "7" },
            },
        });
        using var browser = emulator.Http();

        // Act: pay with 4242, then move the clock one month.
        (await browser.PayCheckoutAsync(session.Url, "4242 4242 4242 4242")).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var subscriptionId = (await client.V1.Checkout.Sessions.GetAsync(session.Id)).SubscriptionId;
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(32));
        var subscription = await client.V1.Subscriptions.GetAsync(subscriptionId);
        var invoices = (await client.V1.Invoices.ListAsync(new InvoiceListOptions { Subscription = subscriptionId })).Data;
        var charges = new List<Charge>();
        foreach (var invoice in invoices)
        {
            var payment = (await client.V1.InvoicePayments.ListAsync(new InvoicePaymentListOptions { Invoice = invoice.Id })).Data.Single();
            var intent = await client.V1.PaymentIntents.GetAsync(payment.Payment.PaymentIntentId,
                new PaymentIntentGetOptions { Expand = ["latest_charge"] });
            charges.Add(intent.LatestCharge);
        }
        var transfers = (await client.V1.Transfers.ListAsync(new TransferListOptions { Destination = account.Id })).Data;
        var fees = (await client.V1.ApplicationFees.ListAsync()).Data;
        var events = (await client.V1.Events.ListAsync(new EventListOptions { Limit = 100 })).Data.Select(e => e.Type).ToList();

        // Assert: the subscription names the destination and 10 %; two paid invoices, each a 500 charge, 500 transferred, 50 fee.
        subscription.TransferData.DestinationId.Should().Be(account.Id);
        subscription.ApplicationFeePercent.Should().Be(10m);
        subscription.Metadata["membership_tier_id"].Should().Be("7");
        invoices.Should().HaveCount(2).And.OnlyContain(i => i.Status == "paid" && i.AmountPaid == 500);
        charges.Should().HaveCount(2).And.OnlyContain(c => c.Amount == 500 && c.ApplicationFeeAmount == 50 && c.Paid);
        transfers.Should().HaveCount(2).And.OnlyContain(t => t.Amount == 500 && t.Currency == "eur");
        fees.Should().HaveCount(2).And.OnlyContain(f => f.Amount == 50 && f.AccountId == account.Id);
        events.Count(t => t == "invoice.paid").Should().Be(2);
        events.Count(t => t == "charge.succeeded").Should().Be(2);
        events.Count(t => t == "application_fee.created").Should().Be(2);
    }

    [Theory]
    [InlineData(500, 10, 50)]
    [InlineData(999, 12.5, 125)]
    [InlineData(1000, 0.05, 1)]
    [InlineData(1500, 0, 0)]
    public void ApplicationFee_PercentOfTotal_RoundsHalfAwayFromZero(long total, double percent, long expected) =>
        Billing.InvoiceCharging.ApplicationFee(total, (decimal)percent).Should().Be(expected);
}
