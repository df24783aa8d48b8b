using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Connect accounts, account links and the hosted onboarding page.</summary>
public sealed class AccountsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static AccountLinkCreateOptions Link(string account) => new()
    {
        Account = account, Type = "account_onboarding",
        RefreshUrl = "https://app.example/refresh", ReturnUrl = "https://app.example/return",
    };

    [Fact]
    public async Task Create_Express_StartsWithRequirementsDueAndChargesDisabled()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express", Country = "FR", Email = "creator@example.com", Metadata = new() { ["creator_id"] = "9" },
            Capabilities = new AccountCapabilitiesOptions
            {
                CardPayments = new() { Requested = true }, Transfers = new() { Requested = true },
            },
        });
        var fetched = await client.V1.Accounts.GetAsync(account.Id);

        // Assert
        fetched.Id.Should().StartWith("acct_");
        fetched.Type.Should().Be("express");
        fetched.Country.Should().Be("FR");
        fetched.DefaultCurrency.Should().Be("eur");
        fetched.Email.Should().Be("creator@example.com");
        fetched.Metadata["creator_id"].Should().Be("9");
        fetched.ChargesEnabled.Should().BeFalse();
        fetched.PayoutsEnabled.Should().BeFalse();
        fetched.DetailsSubmitted.Should().BeFalse();
        fetched.Requirements.CurrentlyDue.Should().NotBeEmpty();
        fetched.Requirements.DisabledReason.Should().Be("requirements.past_due");
        fetched.Capabilities.CardPayments.Should().Be("inactive");
    }

    [Fact]
    public async Task Create_WithoutTypeOrController_Returns400OnType()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Accounts.CreateAsync(new AccountCreateOptions { Country = "US" });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("type");
    }

    [Fact]
    public async Task Update_Metadata_EmitsConnectAccountUpdated()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "standard" });

        // Act
        var updated = await client.V1.Accounts.UpdateAsync(account.Id, new AccountUpdateOptions { Metadata = new() { ["k"] = "v" } });
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "account.updated" }, new RequestOptions { StripeAccount = account.Id });

        // Assert
        updated.Metadata["k"].Should().Be("v");
        var evt = events.Data.Should().ContainSingle().Subject;
        evt.Account.Should().Be(account.Id);
        (await client.V1.Events.ListAsync()).Data.Should().NotContain(e => e.Type == "account.updated");
    }

    [Fact]
    public async Task AccountLink_Create_PointsToHostedOnboardingExpiringIn5Minutes()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });

        // Act
        var link = await client.V1.AccountLinks.CreateAsync(Link(account.Id));

        // Assert
        link.Object.Should().Be("account_link");
        link.Url.Should().StartWith(emulator.BaseUrl.ToString());
        (link.ExpiresAt - link.Created).Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task AccountLink_MissingReturnUrl_Returns400()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        var options = Link(account.Id);
        options.ReturnUrl = null;

        // Act
        var act = () => client.V1.AccountLinks.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("return_url");
    }

    [Fact]
    public async Task Onboarding_LeaveIncomplete_RedirectsToReturnUrlWithDetailsNotSubmitted()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        var link = await client.V1.AccountLinks.CreateAsync(Link(account.Id));

        // Act
        var response = await browser.PostFormAsync(link.Url, ("action", "incomplete"));
        var after = await client.V1.Accounts.GetAsync(account.Id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be("https://app.example/return");
        after.DetailsSubmitted.Should().BeFalse();
        after.ChargesEnabled.Should().BeFalse();
        after.Requirements.CurrentlyDue.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Onboarding_Complete_EnablesAccountAndEmitsCapabilityUpdated()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        var link = await client.V1.AccountLinks.CreateAsync(Link(account.Id));

        // Act
        await browser.PostFormAsync(link.Url, ("action", "complete"));
        var after = await client.V1.Accounts.GetAsync(account.Id);
        var events = await client.V1.Events.ListAsync(null, new RequestOptions { StripeAccount = account.Id });

        // Assert
        after.ChargesEnabled.Should().BeTrue();
        after.PayoutsEnabled.Should().BeTrue();
        after.DetailsSubmitted.Should().BeTrue();
        after.Requirements.CurrentlyDue.Should().BeEmpty();
        after.Requirements.DisabledReason.Should().BeNull();
        after.Capabilities.Transfers.Should().Be("active");
        events.Data.Select(e => e.Type).Should().Contain(["account.updated", "capability.updated"]);
        events.Data.Where(e => e.Type == "capability.updated").Select(e => ((Capability)e.Data.Object).Status).Should().OnlyContain(s => s == "active");
    }

    [Fact]
    public async Task Onboarding_UsedLink_RedirectsToRefreshUrl()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        using var browser = emulator.Http();
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        var link = await client.V1.AccountLinks.CreateAsync(Link(account.Id));
        await browser.PostFormAsync(link.Url, ("action", "complete"));

        // Act
        var again = await browser.GetAsync(link.Url);

        // Assert
        again.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        again.Headers.Location!.ToString().Should().Be("https://app.example/refresh");
    }

    [Fact]
    public async Task Onboarding_ExpiredLink_RedirectsToRefreshUrl()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        using var browser = emulator.Http();
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        var link = await client.V1.AccountLinks.CreateAsync(Link(account.Id));
        emulator.Server.AdvanceClock(key, TimeSpan.FromMinutes(6));

        // Act
        var response = await browser.PostFormAsync(link.Url, ("action", "complete"));

        // Assert
        response.Headers.Location!.ToString().Should().Be("https://app.example/refresh");
        (await client.V1.Accounts.GetAsync(account.Id)).ChargesEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task Create_WithControllerInsteadOfType_DerivesExpressType()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Country = "FR",
            Controller = new AccountControllerOptions
            {
                Fees = new() { Payer = "application" }, Losses = new() { Payments = "application" },
                StripeDashboard = new() { Type = "express" },
            },
        });

        // Assert
        account.Type.Should().Be("express");
        account.Controller.Fees.Payer.Should().Be("application");
        account.Controller.StripeDashboard.Type.Should().Be("express");
    }

    [Fact]
    public async Task RetrieveSelf_WithAndWithoutStripeAccount_ReturnsConnectedOrPlatformAccount()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var connected = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });

        // Act
        var platform = await client.V1.Accounts.GetAsync(null);
        var self = await client.V1.Accounts.GetAsync(null, null, new RequestOptions { StripeAccount = connected.Id });

        // Assert
        platform.Id.Should().StartWith("acct_").And.NotBe(connected.Id);
        platform.ChargesEnabled.Should().BeTrue();
        self.Id.Should().Be(connected.Id);
    }
}
