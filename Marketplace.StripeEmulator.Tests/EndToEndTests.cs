using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// The "Done when" path, through the real Stripe.net client and the hosted pages over HTTP:
/// Connect onboarding → signed <c>account.updated</c>; Checkout with 4242 → active subscription, paid invoice,
/// events in order; the 0341 card at renewal → <c>invoice.payment_failed</c> and <c>past_due</c>.
/// </summary>
public sealed class EndToEndTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task OnboardingThenCheckoutThenRenewal_RealClientAndHostedPages_BehavesAsStripe()
    {
        // Arrange: a platform key with one Connect and one billing endpoint registered through the API.
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        using var browser = emulator.Http();
        var connectEndpoint = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = _receiver.Url("connect"), EnabledEvents = ["*"], Connect = true, ApiVersion = StripeConfiguration.ApiVersion,
        });
        var billingEndpoint = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = _receiver.Url("billing"), EnabledEvents = ["*"],
        });

        // Act 1: Connect account → onboarding link → "Complete".
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express", Country = "FR", Email = "creator@example.com" });
        var link = await client.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = account.Id, Type = "account_onboarding",
            RefreshUrl = "https://app.example/connect/refresh", ReturnUrl = "https://app.example/connect/return",
        });
        var onboardingPage = await browser.GetAsync(link.Url);
        var completed = await browser.PostFormAsync(link.Url, ("action", "complete"));

        // Assert 1
        onboardingPage.StatusCode.Should().Be(HttpStatusCode.OK);
        completed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        completed.Headers.Location!.ToString().Should().Be("https://app.example/connect/return");
        var connectEvents = await _receiver.WaitForAsync("/connect", connectEndpoint.Secret, e => e.Any(x => x.Type == "account.updated"));
        var accountUpdated = connectEvents.Should().ContainSingle(e => e.Type == "account.updated").Subject;
        accountUpdated.Account.Should().Be(account.Id);
        var updatedAccount = accountUpdated.Data.Object.Should().BeOfType<Account>().Subject;
        updatedAccount.ChargesEnabled.Should().BeTrue();
        updatedAccount.PayoutsEnabled.Should().BeTrue();
        updatedAccount.DetailsSubmitted.Should().BeTrue();
        updatedAccount.Requirements.CurrentlyDue.Should().BeEmpty();

        // Act 2: product + price → Checkout Session → pay with 4242.
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Gold membership" });
        var price = await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = product.Id, Currency = "eur", UnitAmount = 900, LookupKey = "gold_monthly",
            Recurring = new PriceRecurringOptions { Interval = "month" },
        });
        var session = await client.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = price.Id, Quantity = 1 }],
            CustomerEmail = "fan@example.com",
            ClientReferenceId = "user-42",
            SuccessUrl = "https://app.example/success?session_id={CHECKOUT_SESSION_ID}",
            CancelUrl = "https://app.example/cancel",
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = new() { ["plan_id"] = "3" } },
        });
        var checkoutPage = await browser.GetStringAsync(session.Url);
        var paid = await browser.PayCheckoutAsync(session.Url, "4242 4242 4242 4242");

        // Assert 2
        checkoutPage.Should().Contain("Gold membership");
        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther, await paid.Content.ReadAsStringAsync());
        paid.Headers.Location!.ToString().Should().Be($"https://app.example/success?session_id={session.Id}");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new Stripe.Checkout.SessionGetOptions { Expand = ["subscription", "line_items"] });
        done.Status.Should().Be("complete");
        done.PaymentStatus.Should().Be("paid");
        done.ClientReferenceId.Should().Be("user-42");
        done.LineItems.Data.Should().ContainSingle().Which.Price.Id.Should().Be(price.Id);
        var subscription = done.Subscription;
        subscription.Status.Should().Be("active");
        subscription.Metadata.Should().Contain("plan_id", "3");
        subscription.CustomerId.Should().Be(done.CustomerId);
        subscription.Items.Data.Should().ContainSingle().Which.CurrentPeriodEnd.Should().BeAfter(subscription.Items.Data[0].CurrentPeriodStart);
        var invoice = await client.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        invoice.Status.Should().Be("paid");
        invoice.AmountPaid.Should().Be(900);
        invoice.Currency.Should().Be("eur");
        invoice.Parent.SubscriptionDetails.SubscriptionId.Should().Be(subscription.Id);
        var expectedBilling = new[]
        {
            "product.created", "price.created", "customer.created", "customer.subscription.created",
            "invoice.created", "invoice.finalized", "payment_intent.created", "charge.succeeded", "payment_intent.succeeded",
            "invoice.paid", "invoice.payment_succeeded", "checkout.session.completed",
        };
        var billingEvents = await _receiver.WaitForAsync("/billing", billingEndpoint.Secret, e => e.Count >= expectedBilling.Length);
        billingEvents.Select(e => e.Type).Should().Equal(expectedBilling);
        billingEvents.Should().OnlyContain(e => e.Account == null);
        billingEvents.Last().Data.Object.Should().BeOfType<Stripe.Checkout.Session>().Which.SubscriptionId.Should().Be(subscription.Id);

        // Act 3: a second customer pays with 4000 0000 0000 0341, then the clock passes the renewal date.
        var failing = await client.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = price.Id, Quantity = 1 }],
            SuccessUrl = "https://app.example/success", CancelUrl = "https://app.example/cancel",
        });
        (await browser.PayCheckoutAsync(failing.Url, "4000000000000341", email: "late@example.com")).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var failingSubscriptionId = (await client.V1.Checkout.Sessions.GetAsync(failing.Id)).SubscriptionId;
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(32));

        // Assert 3
        var renewed = await client.V1.Subscriptions.GetAsync(failingSubscriptionId);
        renewed.Status.Should().Be("past_due");
        (await client.V1.Subscriptions.GetAsync(subscription.Id)).Status.Should().Be("active");
        var afterRenewal = await _receiver.WaitForAsync("/billing", billingEndpoint.Secret,
            e => e.Any(x => x.Type == "invoice.payment_failed")
                && e.Any(x => x.Type == "customer.subscription.updated" && ((Subscription)x.Data.Object).Status == "past_due"));
        var failed = afterRenewal.Should().ContainSingle(e => e.Type == "invoice.payment_failed").Subject;
        var failedInvoice = failed.Data.Object.Should().BeOfType<Invoice>().Subject;
        failedInvoice.Parent.SubscriptionDetails.SubscriptionId.Should().Be(failingSubscriptionId);
        failedInvoice.BillingReason.Should().Be("subscription_cycle");
        failedInvoice.Status.Should().Be("open");
        afterRenewal.Should().Contain(e => e.Type == "customer.subscription.updated"
            && ((Subscription)e.Data.Object).Id == failingSubscriptionId && ((Subscription)e.Data.Object).Status == "past_due");
    }
}
