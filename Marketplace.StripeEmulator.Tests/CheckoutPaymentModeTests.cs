using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Checkout in payment mode as a destination charge: validation, paying on the hosted page, declines, events.</summary>
public sealed class CheckoutPaymentModeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Pay_DestinationCharge_SessionChargeAndBalanceTransactionComeBackFilled()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var options = PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250);
        options.Locale = "fr";
        options.PaymentIntentData.ReceiptEmail = "receipt@example.com";
        options.PaymentIntentData.StatementDescriptorSuffix = "ORDER42";
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);
        using var browser = emulator.Http();

        // Act
        var response = await browser.PayCheckoutAsync(session.Url, "4242 4242 4242 4242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id,
            new SessionGetOptions { Expand = ["payment_intent.latest_charge.balance_transaction"] });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be($"https://app.example/ok?id={session.Id}");
        done.Status.Should().Be("complete");
        done.PaymentStatus.Should().Be("paid");
        done.AmountTotal.Should().Be(2500);
        done.Currency.Should().Be("eur");
        done.Locale.Should().Be("fr");
        done.CustomerDetails.Email.Should().Be("buyer@example.com");
        done.CustomerId.Should().BeNull("customer_creation defaults to if_required in payment mode");
        var intent = done.PaymentIntent;
        intent.Id.Should().StartWith("pi_");
        intent.Status.Should().Be("succeeded");
        intent.Amount.Should().Be(2500);
        intent.AmountReceived.Should().Be(2500);
        intent.ApplicationFeeAmount.Should().Be(250);
        intent.TransferData.DestinationId.Should().Be(account.Id);
        intent.Metadata["order_id"].Should().Be("42");
        intent.Description.Should().Be("Order 42");
        intent.ReceiptEmail.Should().Be("receipt@example.com");
        intent.StatementDescriptorSuffix.Should().Be("ORDER42");
        var charge = intent.LatestCharge;
        charge.Id.Should().StartWith("ch_");
        charge.Status.Should().Be("succeeded");
        charge.Paid.Should().BeTrue();
        charge.Amount.Should().Be(2500);
        charge.AmountCaptured.Should().Be(2500);
        charge.AmountRefunded.Should().Be(0);
        charge.ApplicationFeeId.Should().StartWith("fee_");
        charge.ApplicationFeeAmount.Should().Be(250);
        charge.TransferId.Should().StartWith("tr_");
        charge.TransferData.DestinationId.Should().Be(account.Id);
        charge.PaymentIntentId.Should().Be(intent.Id);
        charge.ReceiptUrl.Should().StartWith(emulator.BaseUrl.ToString());
        charge.BillingDetails.Email.Should().Be("buyer@example.com");
        charge.PaymentMethodDetails.Card.Last4.Should().Be("4242");
        charge.PaymentMethodDetails.Card.Brand.Should().Be("visa");
        charge.Metadata["order_id"].Should().Be("42");
        var txn = charge.BalanceTransaction;
        txn.Id.Should().StartWith("txn_");
        txn.Amount.Should().Be(2500);
        txn.Fee.Should().Be(63, "1.5 % of 25.00 EUR is 0.375, + 0.25, rounds to 0.63");
        txn.Net.Should().Be(2437);
        txn.FeeDetails.Should().ContainSingle().Which.Type.Should().Be("stripe_fee");
        txn.Status.Should().Be("pending");
        txn.Type.Should().Be("charge");
        txn.SourceId.Should().Be(charge.Id);
        (await browser.GetAsync(charge.ReceiptUrl)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("eur", 2500, 250, 63)]
    [InlineData("usd", 2500, 250, 103)]
    [InlineData("jpy", 5000, 500, 180)]
    [InlineData("xaf", 16400, 1640, 410)]
    public async Task Pay_DestinationCharge_TransferFeeAndBalancesAddUp(string currency, long amount, long fee, long stripeFee)
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        // Act
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, amount, currency, fee);
        var charge = session.PaymentIntent.LatestCharge;
        var transfer = await client.V1.Transfers.GetAsync(charge.TransferId, new TransferGetOptions { Expand = ["balance_transaction"] });
        var applicationFee = await client.V1.ApplicationFees.GetAsync(charge.ApplicationFeeId, new ApplicationFeeGetOptions { Expand = ["balance_transaction"] });
        var payment = await client.V1.Charges.GetAsync(transfer.DestinationPaymentId, new ChargeGetOptions { Expand = ["balance_transaction"] }, onAccount);
        var platform = await client.V1.Balance.GetAsync();
        var creator = await client.V1.Balance.GetAsync(onAccount);

        // Assert
        charge.BalanceTransaction.Fee.Should().Be(stripeFee);
        transfer.Amount.Should().Be(amount, "a destination charge transfers the full amount");
        transfer.Currency.Should().Be(currency);
        transfer.DestinationId.Should().Be(account.Id);
        transfer.SourceTransactionId.Should().Be(charge.Id);
        transfer.BalanceTransaction.Amount.Should().Be(-amount);
        transfer.DestinationPaymentId.Should().StartWith("py_");
        applicationFee.Amount.Should().Be(fee);
        applicationFee.AccountId.Should().Be(account.Id);
        applicationFee.ChargeId.Should().Be(transfer.DestinationPaymentId);
        applicationFee.OriginatingTransactionId.Should().Be(charge.Id);
        applicationFee.BalanceTransaction.Amount.Should().Be(fee);
        payment.Amount.Should().Be(amount);
        payment.SourceTransferId.Should().Be(transfer.Id);
        payment.BalanceTransaction.Fee.Should().Be(fee);
        payment.BalanceTransaction.Net.Should().Be(amount - fee);
        creator.Pending.Should().ContainSingle(b => b.Currency == currency).Which.Amount.Should().Be(amount - fee);
        creator.Available.Should().ContainSingle(b => b.Currency == currency).Which.Amount.Should().Be(0);
        var platformNet = platform.Pending.Concat(platform.Available).Where(b => b.Currency == currency).Sum(b => b.Amount);
        platformNet.Should().Be(fee - stripeFee, "the platform keeps the application fee and pays Stripe's fee");
    }

    [Fact]
    public async Task Create_FeeNotLowerThanAmount_Returns400OnApplicationFeeAmount()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 2500));

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Param.Should().Be("payment_intent_data[application_fee_amount]");
        (await client.V1.Products.ListAsync()).Data.Should().BeEmpty("nothing is stored for a refused session");
    }

    [Fact]
    public async Task Create_UnknownDestination_Returns400ResourceMissingOnDestination()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout("acct_nobody", 2500, "eur", 250));

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.StripeError.Code.Should().Be("resource_missing");
        error.StripeError.Param.Should().Be("payment_intent_data[transfer_data][destination]");
    }

    [Fact]
    public async Task Create_DestinationNotOnboarded_Returns400InsufficientCapabilitiesForTransfer()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250));

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.StripeError.Code.Should().Be("insufficient_capabilities_for_transfer");
        error.StripeError.Param.Should().Be("payment_intent_data[transfer_data][destination]");
    }

    [Theory]
    [InlineData("eur", 49)]
    [InlineData("usd", 49)]
    [InlineData("jpy", 49)]
    [InlineData("xaf", 327)]
    public async Task Create_BelowCurrencyMinimum_Returns400AmountTooSmall(string currency, long amount)
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, amount, currency, null));
        var atMinimum = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, amount + 1, currency, null));

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.StripeError.Code.Should().Be("amount_too_small");
        error.StripeError.Param.Should().Be("line_items");
        atMinimum.AmountTotal.Should().Be(amount + 1);
    }

    [Theory]
    [InlineData(10 * 60)]
    [InlineData(25 * 3600)]
    public async Task Create_ExpiresAtOutside30MinutesTo24Hours_Returns400OnExpiresAt(int secondsAhead)
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var options = PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250);
        options.ExpiresAt = DateTime.UtcNow.AddSeconds(secondsAhead);

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("expires_at");
    }

    [Fact]
    public async Task Create_SameIdempotencyKey_ReplaysTheSameSession()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var request = new RequestOptions { IdempotencyKey = "order-42-checkout" };

        // Act
        var first = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250), request);
        var second = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250), request);

        // Assert
        second.Id.Should().Be(first.Id);
        (await client.V1.Checkout.Sessions.ListAsync()).Data.Should().ContainSingle();
        emulator.Server.GetRequests(key).Count(r => r.IdempotencyKey == "order-42-checkout").Should().Be(2);
    }

    [Theory]
    [InlineData("4000 0000 0000 9995", "insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("4000 0000 0000 0002", "generic_decline", "Your card was declined.")]
    public async Task Pay_DeclinedCard_FailsChargeKeepsSessionOpenAndRetrySucceeds(string card, string declineCode, string message)
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250));
        using var browser = emulator.Http();

        // Act
        var declined = await browser.PayCheckoutAsync(session.Url, card);
        var open = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent.latest_charge"] });
        var retry = await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });
        var charges = await client.V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = open.PaymentIntentId });

        // Assert
        declined.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        (await declined.Content.ReadAsStringAsync()).Should().Contain(message);
        open.Status.Should().Be("open");
        open.PaymentIntent.Status.Should().Be("requires_payment_method");
        open.PaymentIntent.LastPaymentError.DeclineCode.Should().Be(declineCode);
        open.PaymentIntent.LastPaymentError.Code.Should().Be("card_declined");
        open.PaymentIntent.LatestCharge.Status.Should().Be("failed");
        open.PaymentIntent.LatestCharge.FailureCode.Should().Be("card_declined");
        open.PaymentIntent.LatestCharge.Outcome.Reason.Should().Be(declineCode);
        open.PaymentIntent.LatestCharge.BalanceTransactionId.Should().BeNull();
        retry.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        done.PaymentIntentId.Should().Be(open.PaymentIntentId, "a retry confirms the same PaymentIntent");
        done.PaymentIntent.Status.Should().Be("succeeded");
        charges.Data.Select(c => c.Status).Should().Equal("succeeded", "failed");
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "payment_intent.payment_failed" })).Data.Should().ContainSingle();
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "charge.failed" })).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Pay_DestinationCharge_PlatformEndpointGetsSignedEventsInOrderConnectEndpointNone()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var platform = await PaymentScenarios.EndpointAsync(client, _receiver, connect: false);
        var connect = await PaymentScenarios.EndpointAsync(client, _receiver, connect: true);

        // Act
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        var events = await _receiver.WaitForAsync(platform.Path, platform.Secret, e => e.Any(x => x.Type == "checkout.session.completed"));
        await Task.Delay(200);

        // Assert
        events.Select(e => e.Type).Where(t => !t.StartsWith("product.") && !t.StartsWith("price.")).Should().Equal("payment_intent.created", "charge.succeeded", "payment_intent.succeeded",
            "transfer.created", "application_fee.created", "checkout.session.completed");
        events.Should().OnlyContain(e => e.Account == null);
        events.Last().Data.Object.Should().BeOfType<Session>().Which.PaymentIntentId.Should().Be(session.PaymentIntentId);
        _receiver.Events(connect.Path, connect.Secret).Should().BeEmpty();
    }

    [Fact]
    public async Task Pay_CustomerCreationAlways_CreatesCustomerOnChargeAndIntent()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var options = PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250);
        options.CustomerCreation = "always";
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);
        using var browser = emulator.Http();

        // Act
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["customer", "payment_intent"] });

        // Assert
        done.Customer.Email.Should().Be("buyer@example.com");
        done.PaymentIntent.CustomerId.Should().Be(done.CustomerId);
    }

    [Fact]
    public async Task Lists_ByPaymentIntentDestinationAndCharge_FindTheObjectsOfOnePayment()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var first = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        var second = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 1000, "eur", 100);
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        // Act
        var charges = await client.V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = first.PaymentIntentId });
        var intents = await client.V1.PaymentIntents.ListAsync();
        var transfers = await client.V1.Transfers.ListAsync(new TransferListOptions { Destination = account.Id });
        var fees = await client.V1.ApplicationFees.ListAsync(new ApplicationFeeListOptions { Charge = transfers.Data[1].DestinationPaymentId });
        var platformTxns = await client.V1.BalanceTransactions.ListAsync(new BalanceTransactionListOptions { Type = "charge" });
        var accountTxns = await client.V1.BalanceTransactions.ListAsync(new BalanceTransactionListOptions(), onAccount);
        var accountCharges = await client.V1.Charges.ListAsync(new ChargeListOptions(), onAccount);

        // Assert
        charges.Data.Should().ContainSingle().Which.Id.Should().Be(first.PaymentIntent.LatestChargeId);
        intents.Data.Select(i => i.Id).Should().Equal(second.PaymentIntentId, first.PaymentIntentId);
        transfers.Data.Select(t => t.Amount).Should().Equal(1000, 2500);
        fees.Data.Should().ContainSingle().Which.Amount.Should().Be(250);
        platformTxns.Data.Select(t => t.Amount).Should().Equal(1000, 2500);
        accountTxns.Data.Select(t => t.Net).Should().Equal(900, 2250);
        accountCharges.Data.Should().OnlyContain(c => c.Id.StartsWith("py_"));
    }

    [Fact]
    public async Task Expire_AfterDeclinedAttempt_CancelsPaymentIntentAndEmitsExpired()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250));
        using var browser = emulator.Http();
        await browser.PayCheckoutAsync(session.Url, "4000000000009995");

        // Act
        var expired = await client.V1.Checkout.Sessions.ExpireAsync(session.Id, new SessionExpireOptions { Expand = ["payment_intent"] });
        var events = await client.V1.Events.ListAsync(new EventListOptions { Types = ["payment_intent.canceled", "checkout.session.expired"] });

        // Assert
        expired.Status.Should().Be("expired");
        expired.PaymentIntent.Status.Should().Be("canceled");
        expired.PaymentIntent.CancellationReason.Should().Be("abandoned");
        events.Data.Select(e => e.Type).Should().Equal("checkout.session.expired", "payment_intent.canceled");
    }

    [Fact]
    public async Task Create_FeeWithoutDestination_Returns400OnApplicationFeeAmount()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = PaymentScenarios.DestinationCheckout("acct_unused", 2500, "eur", 250);
        options.PaymentIntentData.TransferData = null;

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("payment_intent_data[application_fee_amount]");
    }

    [Fact]
    public async Task Create_UnknownOnBehalfOf_Returns400ResourceMissingOnIt()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var options = PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250);
        options.PaymentIntentData.OnBehalfOf = "acct_nobody";

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(options);

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.StripeError.Code.Should().Be("resource_missing");
        error.StripeError.Param.Should().Be("payment_intent_data[on_behalf_of]");
    }

    [Fact]
    public async Task Create_CustomerCreationInSubscriptionMode_Returns400OnCustomerCreation()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var price = await Scenarios.MonthlyPriceAsync(client);

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription", CustomerCreation = "always", SuccessUrl = "https://app.example/ok",
            LineItems = [new SessionLineItemOptions { Price = price.Id, Quantity = 1 }],
        });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("customer_creation");
    }

    [Fact]
    public async Task Create_UnknownLocale_Returns400OnLocale()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var options = PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250);
        options.Locale = "xx";

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("locale");
    }
}
