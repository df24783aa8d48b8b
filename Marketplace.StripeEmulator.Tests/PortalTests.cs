using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;
using Stripe.BillingPortal;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Billing portal sessions and the hosted portal page.</summary>
public sealed class PortalTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<(StripeClient Client, Subscription Subscription, Session Portal)> ArrangeAsync()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client, 500, "Silver"));
        var portal = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions
        {
            Customer = subscription.CustomerId, ReturnUrl = "https://app.example/account",
        });
        return (client, subscription, portal);
    }

    [Fact]
    public async Task Create_ForCustomer_ReturnsHostedUrl()
    {
        // Arrange + Act
        var (_, subscription, portal) = await ArrangeAsync();

        // Assert
        portal.Id.Should().StartWith("bps_");
        portal.Customer.Should().Be(subscription.CustomerId);
        portal.ReturnUrl.Should().Be("https://app.example/account");
        portal.Url.Should().StartWith(emulator.BaseUrl.ToString());
    }

    [Fact]
    public async Task CancelThenResume_OnPortal_TogglesCancelAtPeriodEnd()
    {
        // Arrange
        var (client, subscription, portal) = await ArrangeAsync();
        using var browser = emulator.Http();

        // Act
        var cancel = await browser.PostFormAsync(portal.Url, ("action", "cancel"), ("subscription", subscription.Id));
        var afterCancel = await client.V1.Subscriptions.GetAsync(subscription.Id);
        await browser.PostFormAsync(portal.Url, ("action", "resume"), ("subscription", subscription.Id));
        var afterResume = await client.V1.Subscriptions.GetAsync(subscription.Id);

        // Assert
        cancel.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        afterCancel.CancelAtPeriodEnd.Should().BeTrue();
        afterResume.CancelAtPeriodEnd.Should().BeFalse();
        afterResume.Status.Should().Be("active");
    }

    [Fact]
    public async Task Switch_ToAnotherActiveRecurringPrice_SwapsItemPrice()
    {
        // Arrange
        var (client, subscription, portal) = await ArrangeAsync();
        var gold = await Scenarios.MonthlyPriceAsync(client, 1500, "Gold");
        using var browser = emulator.Http();
        var page = await browser.GetStringAsync(portal.Url);

        // Act
        await browser.PostFormAsync(portal.Url, ("action", "switch"), ("subscription", subscription.Id), ("price", gold.Id));
        var after = await client.V1.Subscriptions.GetAsync(subscription.Id);

        // Assert
        page.Should().Contain(gold.Id);
        after.Items.Data.Single().Price.Id.Should().Be(gold.Id);
    }

    [Fact]
    public async Task Back_OnPortal_RedirectsToReturnUrl()
    {
        // Arrange
        var (_, _, portal) = await ArrangeAsync();
        using var browser = emulator.Http();

        // Act
        var response = await browser.PostFormAsync(portal.Url, ("action", "return"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be("https://app.example/account");
    }
}
