using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Pending prorations (<c>create_prorations</c>) and interval changes, as Stripe bills them.</summary>
public sealed class SubscriptionProrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Update_DowngradeCreateProrations_NoInvoiceNowCreditOnTheRenewalInvoice()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var dear = await Scenarios.MonthlyPriceAsync(client, 3000, "Gold");
        var cheap = await Scenarios.MonthlyPriceAsync(client, 1000, "Silver");
        var subscription = await Scenarios.SubscribeAsync(emulator, client, dear);

        // Act
        var updated = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = cheap.Id }],
            ProrationBehavior = "create_prorations",
        });
        var invoicesAfterUpdate = await client.V1.Invoices.ListAsync(new InvoiceListOptions { Subscription = subscription.Id });
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(32));
        var invoices = await client.V1.Invoices.ListAsync(new InvoiceListOptions { Subscription = subscription.Id });

        // Assert
        updated.LatestInvoiceId.Should().Be(subscription.LatestInvoiceId, "create_prorations invoices nothing now");
        invoicesAfterUpdate.Data.Should().ContainSingle();
        var renewal = invoices.Data[0];
        renewal.BillingReason.Should().Be("subscription_cycle");
        renewal.Lines.Data.Should().HaveCount(2);
        renewal.Lines.Data.Should().ContainSingle(l => l.Amount < 0).Which.Amount.Should().BeInRange(-2000, -1900);
        renewal.AmountPaid.Should().Be(0, "the 2,000 credit exceeds the 1,000 renewal");
    }

    [Fact]
    public async Task Update_UpgradeAfterPendingDowngrade_AlwaysInvoiceTakesThePendingCredit()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var silver = await Scenarios.MonthlyPriceAsync(client, 1000, "Silver");
        var bronze = await Scenarios.MonthlyPriceAsync(client, 500, "Bronze");
        var gold = await Scenarios.MonthlyPriceAsync(client, 3000, "Gold");
        var subscription = await Scenarios.SubscribeAsync(emulator, client, silver);
        var itemId = subscription.Items.Data[0].Id;
        await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = itemId, Price = bronze.Id }], ProrationBehavior = "create_prorations",
        });

        // Act
        var upgraded = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = itemId, Price = gold.Id }], ProrationBehavior = "always_invoice",
        });
        var invoice = await client.V1.Invoices.GetAsync(upgraded.LatestInvoiceId);

        // Assert: -500 pending (Silver → Bronze) + 2,500 (Bronze → Gold), for almost the whole period.
        invoice.Lines.Data.Should().HaveCount(2);
        invoice.AmountPaid.Should().BeInRange(1950, 2000);
    }

    [Fact]
    public async Task Update_MonthlyToYearly_ResetsTheBillingCycleAndInvoicesNow()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var monthly = await Scenarios.MonthlyPriceAsync(client, 1000, "Silver");
        var yearly = await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = monthly.ProductId, Currency = "usd", UnitAmount = 10000, Recurring = new() { Interval = "year" },
        });
        var subscription = await Scenarios.SubscribeAsync(emulator, client, monthly);
        var now = DateTimeOffset.FromUnixTimeSeconds(emulator.Server.AdvanceClock(key, TimeSpan.FromDays(10))).UtcDateTime;

        // Act
        var updated = await client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = yearly.Id }],
            ProrationBehavior = "create_prorations",
        });
        var invoice = await client.V1.Invoices.GetAsync(updated.LatestInvoiceId);

        // Assert
        updated.Items.Data[0].CurrentPeriodStart.Should().Be(now);
        updated.Items.Data[0].CurrentPeriodEnd.Should().Be(now.AddYears(1));
        invoice.BillingReason.Should().Be("subscription_update");
        invoice.Status.Should().Be("paid");
        invoice.AmountPaid.Should().BeInRange(10000 - 700, 10000 - 600, "a year less about 20 unused days of the month");
    }

    [Fact]
    public async Task Update_IntervalChangeOnFailingCardWithErrorIfIncomplete_402AndNothingChanges()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var monthly = await Scenarios.MonthlyPriceAsync(client, 1000, "Silver");
        var yearly = await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = monthly.ProductId, Currency = "usd", UnitAmount = 10000, Recurring = new() { Interval = "year" },
        });
        var subscription = await Scenarios.SubscribeAsync(emulator, client, monthly, "4000000000000341");

        // Act
        var act = () => client.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = yearly.Id }],
            ProrationBehavior = "create_prorations",
            PaymentBehavior = "error_if_incomplete",
        });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Code.Should().Be("card_declined");
        (await client.V1.Subscriptions.GetAsync(subscription.Id)).Items.Data[0].Price.Id.Should().Be(monthly.Id);
    }
}
