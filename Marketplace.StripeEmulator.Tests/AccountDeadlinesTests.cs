using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// Requested versus active capabilities, and requirements with a <c>current_deadline</c> that become <c>past_due</c> when
/// the key's clock passes it (https://docs.stripe.com/api/accounts/object, <c>requirements</c>).
/// </summary>
public sealed class AccountDeadlinesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_TransfersRequestedOnly_InactiveUntilOnboardingThenActive()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);

        // Act
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Controller = new AccountControllerOptions { StripeDashboard = new() { Type = "express" }, RequirementCollection = "stripe" },
            Capabilities = new AccountCapabilitiesOptions { Transfers = new() { Requested = true } },
        });
        emulator.Server.SetAccountState(key, account.Id, "enabled");
        var after = await client.V1.Accounts.GetAsync(account.Id);

        // Assert
        account.Capabilities.Transfers.Should().Be("inactive");
        account.Capabilities.CardPayments.Should().BeNull();
        account.Controller.RequirementCollection.Should().Be("stripe");
        after.Capabilities.Transfers.Should().Be("active");
    }

    [Fact]
    public async Task AddRequirements_FutureDeadline_CurrentlyDueWithDeadlineAccountStillEnabled()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await EnabledAccountAsync(key);
        var deadline = account.Created.AddDays(10);

        // Act
        emulator.Server.AddRequirements(key, account.Id, ["individual.verification.document"], new DateTimeOffset(deadline).ToUnixTimeSeconds());
        var after = await client.V1.Accounts.GetAsync(account.Id);

        // Assert
        after.Requirements.CurrentlyDue.Should().Equal("individual.verification.document");
        after.Requirements.CurrentDeadline.Should().Be(deadline);
        after.Requirements.PastDue.Should().BeEmpty();
        after.Requirements.DisabledReason.Should().BeNull();
        after.ChargesEnabled.Should().BeTrue();
        after.Capabilities.Transfers.Should().Be("active");
    }

    [Fact]
    public async Task AdvanceClock_PastDeadline_PastDueTransfersInactiveAndAccountUpdatedEmitted()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await EnabledAccountAsync(key);
        emulator.Server.AddRequirements(key, account.Id, ["external_account"], new DateTimeOffset(account.Created.AddDays(2)).ToUnixTimeSeconds());

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromDays(3));
        var after = await client.V1.Accounts.GetAsync(account.Id);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "account.updated" }, new RequestOptions { StripeAccount = account.Id });

        // Assert
        after.Requirements.PastDue.Should().Equal("external_account");
        after.Requirements.DisabledReason.Should().Be("requirements.past_due");
        after.ChargesEnabled.Should().BeFalse();
        after.Capabilities.Transfers.Should().Be("inactive");
        events.Data.Select(e => ((Account)e.Data.Object).Requirements.PastDue.Count).First().Should().Be(1);
    }

    [Fact]
    public async Task AddRequirements_DeadlineNotInFuture_Returns400()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var account = await EnabledAccountAsync(key);

        // Act
        var act = () => emulator.Server.AddRequirements(key, account.Id, ["external_account"], new DateTimeOffset(account.Created).ToUnixTimeSeconds());

        // Assert
        act.Should().Throw<Exception>().WithMessage("*current_deadline*");
    }

    private async Task<Account> EnabledAccountAsync(string key)
    {
        var client = emulator.Client(key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        emulator.Server.SetAccountState(key, account.Id, "enabled");
        return await client.V1.Accounts.GetAsync(account.Id);
    }
}
