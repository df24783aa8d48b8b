using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Login links and the hosted Express dashboard.</summary>
public sealed class LoginLinksTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_OnboardedExpressAccount_ReturnsSingleUseDashboardUrlShowingBalance()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        using var browser = emulator.Http();

        // Act
        var link = await client.V1.Accounts.LoginLinks.CreateAsync(account.Id);
        var page = await browser.GetAsync(link.Url);
        var again = await browser.GetAsync(link.Url);

        // Assert
        link.Object.Should().Be("login_link");
        link.Created.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        link.Url.Should().StartWith(emulator.BaseUrl.ToString());
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Express dashboard").And.Contain("22.5 EUR").And.Contain("No payouts yet.");
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Create_ExpressAccountNotOnboarded_ReturnsALink()
    {
        // Arrange: Stripe requires only Express dashboard access (https://docs.stripe.com/api/accounts/login_link/create)
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });

        // Act
        var link = await client.V1.Accounts.LoginLinks.CreateAsync(account.Id);

        // Assert
        account.DetailsSubmitted.Should().BeFalse();
        link.Url.Should().Contain("/express/");
    }

    [Fact]
    public async Task Create_StandardAccount_Returns400()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "standard" });
        emulator.Server.SetAccountState(key, account.Id, "enabled");

        // Act
        var act = () => client.V1.Accounts.LoginLinks.CreateAsync(account.Id);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_UnknownAccount_Returns404()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Accounts.LoginLinks.CreateAsync("acct_nobody");

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
