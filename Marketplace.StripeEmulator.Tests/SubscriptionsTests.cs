using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Subscriptions and invoices: fields, updates, cancellation, renewal, lists.</summary>
public sealed class SubscriptionsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Retrieve_AfterCheckout_HasPeriodOnItemsAndCustomer()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var price = await Scenarios.MonthlyPriceAsync(client);
        var created = await Scenarios.SubscribeAsync(emulator, client, price);

        // Act
        var subscription = await client.V1.Subscriptions.GetAsync(created.Id, new SubscriptionGetOptions { Expand = ["customer"] });

        // Assert
        subscription.Id.Should().StartWith("sub_");
        subscription.Status.Should().Be("active");
        subscription.Customer.Email.Should().EndWith("@example.com");
        subscription.CancelAtPeriodEnd.Should().BeFalse();
        var item = subscription.Items.Data.Should().ContainSingle().Subject;
        item.Id.Should().StartWith("si_");
        item.Price.Id.Should().Be(price.Id);
        item.Quantity.Should().Be(1);
        (item.CurrentPeriodEnd - item.CurrentPeriodStart).TotalDays.Should().BeInRange(28, 31);
    }

    [Fact]
    public async Task Update_CancelAtPeriodEndThenClockPastEnd_DeletesSubscription()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client));

        // Act
        var updated = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true });
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(32));
        var ended = await client.V1.Subscriptions.GetAsync(subscription.Id);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.*" });

        // Assert
        updated.CancelAtPeriodEnd.Should().BeTrue();
        updated.CancelAt.Should().Be(updated.Items.Data[0].CurrentPeriodEnd);
        ended.Status.Should().Be("canceled");
        ended.EndedAt.Should().Be(updated.Items.Data[0].CurrentPeriodEnd);
        events.Data.Select(e => e.Type).Should().StartWith("customer.subscription.deleted");
    }

    [Fact]
    public async Task Update_PriceSwapAlwaysInvoice_SwapsItemAndInvoicesProration()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var cheap = await Scenarios.MonthlyPriceAsync(client, 500, "Silver");
        var dear = await Scenarios.MonthlyPriceAsync(client, 1500, "Gold");
        var subscription = await Scenarios.SubscribeAsync(emulator, client, cheap);

        // Act
        var updated = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = dear.Id }],
            ProrationBehavior = "always_invoice",
        });
        var invoice = await client.V1.Invoices.GetAsync(updated.LatestInvoiceId);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.updated" });

        // Assert
        updated.Items.Data.Should().ContainSingle().Which.Price.Id.Should().Be(dear.Id);
        invoice.BillingReason.Should().Be("subscription_update");
        invoice.Status.Should().Be("paid");
        invoice.AmountPaid.Should().BeInRange(990, 1000);
        string previous = events.Data.Single().Data.PreviousAttributes.ToString();
        previous.Should().Contain(cheap.Id);
    }

    [Fact]
    public async Task Update_PriceSwapWithoutProration_CreatesNoInvoice()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client, 500));
        var other = await Scenarios.MonthlyPriceAsync(client, 1500);

        // Act
        var updated = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = other.Id }],
            ProrationBehavior = "none",
        });

        // Assert
        updated.Items.Data[0].Price.Id.Should().Be(other.Id);
        updated.LatestInvoiceId.Should().Be(subscription.LatestInvoiceId);
    }

    [Fact]
    public async Task Cancel_ActiveSubscription_CancelsNowAndEmitsDeleted()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client));

        // Act
        var canceled = await client.V1.Subscriptions.CancelAsync(subscription.Id);
        var defaultList = await client.V1.Subscriptions.ListAsync();
        var allList = await client.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Status = "all" });
        var deleted = await client.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.deleted" });

        // Assert
        canceled.Status.Should().Be("canceled");
        canceled.CanceledAt.Should().NotBeNull();
        defaultList.Data.Should().BeEmpty();
        allList.Data.Should().ContainSingle();
        deleted.Data.Should().ContainSingle();
    }

    [Fact]
    public async Task ClockAdvance_GoodCard_RenewsWithPaidInvoice()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client, 900));

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(31));
        var renewed = await client.V1.Subscriptions.GetAsync(subscription.Id);
        var invoices = await client.V1.Invoices.ListAsync(new InvoiceListOptions { Subscription = subscription.Id });

        // Assert
        renewed.Status.Should().Be("active");
        renewed.Items.Data[0].CurrentPeriodStart.Should().Be(subscription.Items.Data[0].CurrentPeriodEnd);
        invoices.Data.Should().HaveCount(2);
        invoices.Data[0].BillingReason.Should().Be("subscription_cycle");
        invoices.Data[0].Status.Should().Be("paid");
        invoices.Data[0].AmountPaid.Should().Be(900);
        invoices.Data[0].HostedInvoiceUrl.Should().StartWith(emulator.BaseUrl.ToString());
    }

    [Fact]
    public async Task ListInvoices_ByCustomer_ReturnsOnlyThatCustomersInvoices()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var price = await Scenarios.MonthlyPriceAsync(client);
        var first = await Scenarios.SubscribeAsync(emulator, client, price);
        await Scenarios.SubscribeAsync(emulator, client, price);

        // Act
        var invoices = await client.V1.Invoices.ListAsync(new InvoiceListOptions { Customer = first.CustomerId });
        var subscriptions = await client.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = first.CustomerId });

        // Assert
        invoices.Data.Should().ContainSingle().Which.CustomerId.Should().Be(first.CustomerId);
        subscriptions.Data.Should().ContainSingle().Which.Id.Should().Be(first.Id);
    }

    [Fact]
    public async Task Update_Metadata_EmitsUpdatedWithPreviousMetadata()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client));

        // Act
        var updated = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions { Metadata = new() { ["plan_id"] = "5" } });
        var evt = (await client.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.updated" })).Data.Single();

        // Assert
        updated.Metadata["plan_id"].Should().Be("5");
        ((Subscription)evt.Data.Object).Metadata["plan_id"].Should().Be("5");
        string previous = evt.Data.PreviousAttributes.ToString();
        previous.Should().Contain("metadata").And.Contain("plan_id");
    }

    [Fact]
    public async Task Update_UnknownItemId_Returns404NamingItem()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client));

        // Act
        var act = () => client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = "si_nope", Price = subscription.Items.Data[0].Price.Id }],
        });

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        error.StripeError.Param.Should().Be("items[0][id]");
    }

    [Fact]
    public async Task HostedInvoiceUrl_PaidInvoice_ShowsStatusAndAmount()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client, 1234));
        var invoice = await client.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        using var browser = emulator.Http();

        // Act
        var page = await browser.GetStringAsync(invoice.HostedInvoiceUrl);

        // Assert
        page.Should().Contain("paid").And.Contain("12.34 USD");
    }

    [Fact]
    public async Task Update_UpgradeErrorIfIncompleteWithFailingCard_Returns402AndKeepsPrice()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var cheap = await Scenarios.MonthlyPriceAsync(client, 500, "Silver");
        var dear = await Scenarios.MonthlyPriceAsync(client, 1500, "Gold");
        var subscription = await Scenarios.SubscribeAsync(emulator, client, cheap, "4000000000000341");

        // Act
        var act = () => client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = dear.Id }],
            ProrationBehavior = "always_invoice", PaymentBehavior = "error_if_incomplete",
        });

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(System.Net.HttpStatusCode.PaymentRequired);
        error.StripeError.Type.Should().Be("card_error");
        error.StripeError.Code.Should().Be("card_declined");
        (await client.V1.Subscriptions.GetAsync(subscription.Id)).Items.Data[0].Price.Id.Should().Be(cheap.Id);
    }
}
