using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Checkout Sessions and the hosted Checkout page.</summary>
public sealed class CheckoutTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static async Task<Price> MonthlyPrice(StripeClient client, long amount = 900)
    {
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Gold" });
        return await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = product.Id, Currency = "usd", UnitAmount = amount, Recurring = new() { Interval = "month" },
        });
    }

    private static SessionCreateOptions Subscription(string priceId) => new()
    {
        Mode = "subscription",
        LineItems = [new SessionLineItemOptions { Price = priceId, Quantity = 1 }],
        CustomerEmail = "fan@example.com",
        SuccessUrl = "https://app.example/ok?id={CHECKOUT_SESSION_ID}",
        CancelUrl = "https://app.example/cancel",
    };

    [Fact]
    public async Task Create_SubscriptionMode_ReturnsOpenSessionWithHostedUrl()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var price = await MonthlyPrice(client);

        // Act
        var session = await client.V1.Checkout.Sessions.CreateAsync(Subscription(price.Id));

        // Assert
        session.Id.Should().StartWith("cs_test_");
        session.Status.Should().Be("open");
        session.PaymentStatus.Should().Be("unpaid");
        session.Mode.Should().Be("subscription");
        session.AmountTotal.Should().Be(900);
        session.Url.Should().StartWith(emulator.BaseUrl.ToString());
        session.ExpiresAt.Should().BeCloseTo(session.Created.AddHours(24), TimeSpan.FromSeconds(1));
        session.SubscriptionId.Should().BeNull();
    }

    [Fact]
    public async Task Create_RecurringPriceInPaymentMode_Returns400OnLineItem()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var price = await MonthlyPrice(client);
        var options = Subscription(price.Id);
        options.Mode = "payment";

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("line_items[0][price]");
    }

    [Fact]
    public async Task Pay_DeclinedCard_ShowsErrorAndSessionStaysOpen()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var session = await client.V1.Checkout.Sessions.CreateAsync(Subscription((await MonthlyPrice(client)).Id));

        // Act
        var response = await browser.PayCheckoutAsync(session.Url, "4000 0000 0000 0002");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Your card was declined.");
        var after = await client.V1.Checkout.Sessions.GetAsync(session.Id);
        after.Status.Should().Be("open");
        after.SubscriptionId.Should().BeNull();
    }

    [Fact]
    public async Task Back_OnHostedPage_RedirectsToCancelUrl()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var session = await client.V1.Checkout.Sessions.CreateAsync(Subscription((await MonthlyPrice(client)).Id));

        // Act
        var response = await browser.PostFormAsync(session.Url + "/back");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be("https://app.example/cancel");
    }

    [Fact]
    public async Task Pay_WithTrialDays_CreatesTrialingSubscriptionAndZeroInvoice()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var options = Subscription((await MonthlyPrice(client)).Id);
        options.SubscriptionData = new SessionSubscriptionDataOptions { TrialPeriodDays = 14 };
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);

        // Act
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["subscription.latest_invoice"] });

        // Assert
        done.PaymentStatus.Should().Be("no_payment_required");
        done.Subscription.Status.Should().Be("trialing");
        done.Subscription.TrialEnd.Should().BeCloseTo(done.Subscription.TrialStart!.Value.AddDays(14), TimeSpan.FromSeconds(1));
        done.Subscription.LatestInvoice.AmountPaid.Should().Be(0);
        done.Subscription.LatestInvoice.Status.Should().Be("paid");
    }

    [Fact]
    public async Task ClockPastTrialEnd_TrialingSubscription_BecomesActiveWithPaidInvoice()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        using var browser = emulator.Http();
        var options = Subscription((await MonthlyPrice(client, 700)).Id);
        options.SubscriptionData = new SessionSubscriptionDataOptions { TrialPeriodDays = 7 };
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(8));
        var subscription = await client.V1.Subscriptions.GetAsync((await client.V1.Checkout.Sessions.GetAsync(session.Id)).SubscriptionId,
            new SubscriptionGetOptions { Expand = ["latest_invoice"] });

        // Assert
        subscription.Status.Should().Be("active");
        subscription.LatestInvoice.AmountPaid.Should().Be(700);
        subscription.LatestInvoice.BillingReason.Should().Be("subscription_cycle");
    }

    [Fact]
    public async Task ClockThreeDaysBeforeTrialEnd_TrialingSubscription_EmitsTrialWillEndOnce()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        using var browser = emulator.Http();
        var options = Subscription((await MonthlyPrice(client)).Id);
        options.SubscriptionData = new SessionSubscriptionDataOptions { TrialPeriodDays = 14 };
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var trialWillEnd = new EventListOptions { Type = "customer.subscription.trial_will_end" };

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        var tooEarly = (await client.V1.Events.ListAsync(trialWillEnd)).Data;
        emulator.Server.AdvanceClock(key, TimeSpan.FromMinutes(2));
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(1));
        var events = (await client.V1.Events.ListAsync(trialWillEnd)).Data;

        // Assert
        tooEarly.Should().BeEmpty();
        var sent = events.Should().ContainSingle().Subject;
        var subscription = (Subscription)sent.Data.Object;
        subscription.Id.Should().Be((await client.V1.Checkout.Sessions.GetAsync(session.Id)).SubscriptionId);
        subscription.Status.Should().Be("trialing");
        sent.Created.Should().BeCloseTo(subscription.TrialEnd!.Value.AddDays(-3), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Pay_ExistingCustomer_ReusesCustomer()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "known@example.com" });
        var options = Subscription((await MonthlyPrice(client)).Id);
        options.CustomerEmail = null;
        options.Customer = customer.Id;
        var session = await client.V1.Checkout.Sessions.CreateAsync(options);

        // Act
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["customer"] });

        // Assert
        done.Customer.Id.Should().Be(customer.Id);
        (await client.V1.Customers.ListAsync()).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Pay_PaymentModeOneTimePrice_CompletesWithPaymentIntent()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Tip" });
        var price = await client.V1.Prices.CreateAsync(new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 300 });
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", LineItems = [new SessionLineItemOptions { Price = price.Id, Quantity = 2 }],
            SuccessUrl = "https://app.example/ok", CustomerEmail = "tipper@example.com",
        });

        // Act
        var response = await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        done.Status.Should().Be("complete");
        done.PaymentStatus.Should().Be("paid");
        done.AmountTotal.Should().Be(600);
        done.PaymentIntentId.Should().StartWith("pi_");
        done.SubscriptionId.Should().BeNull();
    }

    [Fact]
    public async Task Expire_OpenSession_ExpiresAndEmitsEvent()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var session = await client.V1.Checkout.Sessions.CreateAsync(Subscription((await MonthlyPrice(client)).Id));

        // Act
        var expired = await client.V1.Checkout.Sessions.ExpireAsync(session.Id);
        var page = await browser.GetAsync(session.Url);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "checkout.session.expired" });

        // Assert
        expired.Status.Should().Be("expired");
        page.StatusCode.Should().Be(HttpStatusCode.Gone);
        events.Data.Should().ContainSingle().Which.Data.Object.Should().BeOfType<Session>().Which.Id.Should().Be(session.Id);
    }

    [Fact]
    public async Task Pay_CompletedSessionAgain_IsRefused()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var session = await client.V1.Checkout.Sessions.CreateAsync(Subscription((await MonthlyPrice(client)).Id));
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");

        // Act
        var again = await browser.PayCheckoutAsync(session.Url, "4242424242424242");

        // Assert
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await client.V1.Subscriptions.ListAsync()).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Create_WithPriceData_CreatesInlinePriceAndListsLineItems()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://app.example/ok",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 3,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur", UnitAmount = 250, ProductData = new() { Name = "Sticker" },
                    },
                },
            ],
        });
        var items = await client.V1.Checkout.Sessions.LineItems.ListAsync(session.Id);

        // Assert
        session.AmountTotal.Should().Be(750);
        session.Currency.Should().Be("eur");
        var item = items.Data.Should().ContainSingle().Subject;
        item.Quantity.Should().Be(3);
        item.AmountTotal.Should().Be(750);
        item.Description.Should().Be("Sticker");
    }

    [Fact]
    public async Task Create_UnknownParameterInPriceData_Returns400NamingIt()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://app.example/ok",
            LineItems = [new SessionLineItemOptions { Quantity = 1, PriceData = new() { Currency = "usd", UnitAmount = 100, ProductData = new() { Name = "X" } } }],
        };
        options.AddExtraParam("line_items[0][price_data][colour]", "red");

        // Act
        var act = () => client.V1.Checkout.Sessions.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("line_items[0][price_data][colour]");
        (await client.V1.Products.ListAsync()).Data.Should().BeEmpty();
    }

    [Fact]
    public async Task Pay_Completed_SessionUrlClearedAndInvoiceLinked()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var session = await client.V1.Checkout.Sessions.CreateAsync(Subscription((await MonthlyPrice(client)).Id));

        // Act
        await browser.PayCheckoutAsync(session.Url, "4242424242424242");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["invoice"] });

        // Assert
        done.Url.Should().BeNull();
        done.CustomerDetails.Email.Should().Be("fan@example.com");
        done.Invoice.Status.Should().Be("paid");
        done.Invoice.Parent.SubscriptionDetails.SubscriptionId.Should().Be(done.SubscriptionId);
    }
}
