using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// Issue 13's "Done when", through the real Stripe.net client and the hosted pages over HTTP: an Express account onboarded,
/// a 25.00 EUR destination-charge Checkout with a 2.50 fee paid with 4242, a payout, a partial refund with reversal and fee
/// refund, and a 0259 payment disputed and lost.
/// </summary>
public sealed class DestinationChargesEndToEndTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task OnboardPayPayOutRefundDispute_RealClientAndHostedPages_MoneyAddsUp()
    {
        // Arrange: billing and Connect endpoints, an Express creator onboarded on the hosted page.
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        using var browser = emulator.Http();
        var billing = await PaymentScenarios.EndpointAsync(client, _receiver, connect: false);
        var connect = await PaymentScenarios.EndpointAsync(client, _receiver, connect: true);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express", Country = "FR", Email = "creator@example.com",
            Capabilities = new AccountCapabilitiesOptions { CardPayments = new() { Requested = true }, Transfers = new() { Requested = true } },
        });
        var link = await client.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = account.Id, Type = "account_onboarding",
            RefreshUrl = "https://app.example/refresh", ReturnUrl = "https://app.example/return",
        });
        (await browser.PostFormAsync(link.Url, ("action", "complete"))).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        // Act 1: a 25.00 EUR Checkout with a 2.50 application fee to the creator, paid with 4242.
        var session = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250));
        (await browser.PayCheckoutAsync(session.Url, "4242 4242 4242 4242")).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var paid = await client.V1.Checkout.Sessions.GetAsync(session.Id,
            new SessionGetOptions { Expand = ["payment_intent.latest_charge.balance_transaction"] });
        var charge = paid.PaymentIntent.LatestCharge;
        var transfer = await client.V1.Transfers.GetAsync(charge.TransferId);
        var fee = await client.V1.ApplicationFees.GetAsync(charge.ApplicationFeeId);
        var billingEvents = await _receiver.WaitForAsync(billing.Path, billing.Secret, e => e.Any(x => x.Type == "checkout.session.completed"));

        // Assert 1: the charge, the transfer of 2500 and the fee of 250 add up; the session's event reached billing.
        paid.PaymentStatus.Should().Be("paid");
        charge.Amount.Should().Be(2500);
        transfer.Amount.Should().Be(charge.Amount);
        transfer.DestinationId.Should().Be(account.Id);
        fee.Amount.Should().Be(250);
        charge.BalanceTransaction.Net.Should().Be(2500 - charge.BalanceTransaction.Fee);
        billingEvents.Should().Contain(e => e.Type == "checkout.session.completed" && e.Account == null);

        // Act 2: the creator's balance becomes available and is paid out.
        emulator.Server.MakeBalanceAvailable(key, account.Id);
        var payoutId = emulator.Server.PayOut(key, account.Id);
        var connectEvents = await _receiver.WaitForAsync(connect.Path, connect.Secret, e => e.Any(x => x.Type == "payout.paid"));

        // Assert 2: payout.paid reached the Connect endpoint, for that account.
        (await client.V1.Payouts.GetAsync(payoutId, null, onAccount)).Amount.Should().Be(2250);
        connectEvents.Should().Contain(e => e.Type == "payout.paid" && e.Account == account.Id);
        _receiver.Events(billing.Path, billing.Secret).Should().NotContain(e => e.Type == "payout.paid");

        // Act 3: a partial refund of 10.00 EUR with the transfer reversed and the fee refunded.
        var refund = await client.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paid.PaymentIntentId, Amount = 1000, ReverseTransfer = true, RefundApplicationFee = true,
        });
        var reversal = await client.V1.Transfers.Reversals.GetAsync(transfer.Id, refund.TransferReversalId);
        var feeAfter = await client.V1.ApplicationFees.GetAsync(fee.Id);

        // Assert 3: 1000 reversed, 100 of the fee refunded.
        refund.Status.Should().Be("succeeded");
        reversal.Amount.Should().Be(1000);
        feeAfter.AmountRefunded.Should().Be(100);
        (await client.V1.Charges.GetAsync(charge.Id)).AmountRefunded.Should().Be(1000);

        // Act 4: a 0259 payment is disputed, then the dispute is lost.
        var disputedSession = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250, "4000 0000 0000 0259");
        var dispute = (await client.V1.Disputes.ListAsync(new DisputeListOptions { PaymentIntent = disputedSession.PaymentIntentId })).Data.Single();
        emulator.Server.CloseDispute(key, dispute.Id, "lost");
        var disputeEvents = await _receiver.WaitForAsync(billing.Path, billing.Secret, e => e.Any(x => x.Type == "charge.dispute.closed"));

        // Assert 4: the dispute's events reached billing in order, the platform paid amount and fee.
        (await client.V1.Disputes.GetAsync(dispute.Id)).Status.Should().Be("lost");
        disputeEvents.Select(e => e.Type).Where(t => t.StartsWith("charge.dispute.")).Should().Equal(
            "charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.closed");
        var platform = await client.V1.Balance.GetAsync();
        platform.Available.Concat(platform.Pending).Where(b => b.Currency == "eur").Sum(b => b.Amount)
            .Should().Be((250 - 63 - 100) + (250 - 63) - 2500 - 2000);
    }
}
