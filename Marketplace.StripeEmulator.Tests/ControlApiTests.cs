using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>The JSON control API under /_emulator/: API chaos, test clock, account states, deliveries.</summary>
public sealed class ControlApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ChaosApi_Next2Calls429_ClientWithoutRetriesSeesRateLimitThenSucceeds()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        (await control.PostAsJsonAsync("/_emulator/chaos/api", new { status = 429, count = 2 })).EnsureSuccessStatusCode();

        // Act
        var first = await FluentActions.Awaiting(() => client.V1.Customers.ListAsync()).Should().ThrowAsync<StripeException>();
        var second = await FluentActions.Awaiting(() => client.V1.Customers.ListAsync()).Should().ThrowAsync<StripeException>();
        var third = await client.V1.Customers.ListAsync();

        // Assert
        first.Which.HttpStatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        first.Which.StripeError.Code.Should().Be("rate_limit");
        second.Which.HttpStatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Data.Should().BeEmpty();
    }

    [Fact]
    public async Task ChaosApi_Next500_ClientWithRetriesRecovers()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key, maxNetworkRetries: 2);
        emulator.Server.FailNextApiCalls(key, 500, 1);

        // Act
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "retry@example.com" });

        // Assert
        customer.Email.Should().Be("retry@example.com");
        (await client.V1.Customers.ListAsync()).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task ClockAdvance_OverHttp_FailingCardMakesSubscriptionPastDue()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        var subscription = await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client), "4000 0000 0000 0341");
        var before = await (await control.GetAsync("/_emulator/clock")).Content.ReadFromJsonAsync<JsonElement>();

        // Act
        var response = await control.PostAsJsonAsync("/_emulator/clock/advance", new { seconds = 32 * 86_400 });
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();
        var renewed = await client.V1.Subscriptions.GetAsync(subscription.Id, new SubscriptionGetOptions { Expand = ["latest_invoice"] });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (after.GetProperty("now").GetInt64() - before.GetProperty("now").GetInt64()).Should().BeInRange(32 * 86_400, 32 * 86_400 + 5);
        renewed.Status.Should().Be("past_due");
        renewed.LatestInvoice.Status.Should().Be("open");
        renewed.LatestInvoice.AttemptCount.Should().Be(1);
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "invoice.payment_failed" })).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task ClockAdvance_Renewal_AnswersTheNumberOfEventsItEmitted()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        await Scenarios.SubscribeAsync(emulator, client, await Scenarios.MonthlyPriceAsync(client), "4242 4242 4242 4242");
        var before = (await client.V1.Events.ListAsync(new EventListOptions { Limit = 100 })).Data.Count;

        // Act
        var response = await control.PostAsJsonAsync("/_emulator/clock/advance", new { seconds = 32 * 86_400 });
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        var emitted = (await client.V1.Events.ListAsync(new EventListOptions { Limit = 100 })).Data.Count - before;
        emitted.Should().BeGreaterThan(0);
        after.GetProperty("events").GetInt64().Should().Be(emitted);
    }

    [Fact]
    public async Task AccountState_Restricted_DisablesChargesWithReason()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        emulator.Server.SetAccountState(key, account.Id, "enabled");

        // Act
        var response = await control.PostAsJsonAsync($"/_emulator/accounts/{account.Id}/state", new { state = "restricted", disabled_reason = "rejected.fraud" });
        var after = await client.V1.Accounts.GetAsync(account.Id);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "account.updated" }, new RequestOptions { StripeAccount = account.Id });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        after.ChargesEnabled.Should().BeFalse();
        after.PayoutsEnabled.Should().BeFalse();
        after.Requirements.DisabledReason.Should().Be("rejected.fraud");
        events.Data.Should().HaveCount(2);
    }

    [Fact]
    public async Task AccountState_Deauthorized_EmitsEventAndRevokesAccess()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "standard" });

        // Act
        await control.PostAsJsonAsync($"/_emulator/accounts/{account.Id}/state", new { state = "deauthorized" });
        var onAccount = () => client.V1.Customers.ListAsync(null, new RequestOptions { StripeAccount = account.Id });

        // Assert
        (await onAccount.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AccountState_Deauthorized_DeliversConnectEventWithAccount()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = receiver.Url("connect"), EnabledEvents = ["account.application.deauthorized"], Connect = true,
        });
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "standard" });

        // Act
        emulator.Server.SetAccountState(key, account.Id, "deauthorized");
        var events = await receiver.WaitForAsync("/connect", endpoint.Secret, e => e.Count >= 1);

        // Assert
        var evt = events.Should().ContainSingle().Subject;
        evt.Type.Should().Be("account.application.deauthorized");
        evt.Account.Should().Be(account.Id);
    }

    [Fact]
    public async Task Deliveries_OverHttp_ListsAttemptsWithOutcome()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        await using var receiver = await WebhookReceiver.StartAsync();
        await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = receiver.Url("hook"), EnabledEvents = ["*"] });
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (emulator.Server.GetDeliveries(key).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);

        // Act
        var body = await (await control.GetAsync("/_emulator/deliveries")).Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        var attempt = body.GetProperty("data").EnumerateArray().Should().ContainSingle().Subject;
        attempt.GetProperty("event_type").GetString().Should().Be("customer.created");
        attempt.GetProperty("outcome").GetString().Should().Be("succeeded");
        attempt.GetProperty("status_code").GetInt32().Should().Be(200);
    }

    [Fact]
    public async Task ControlApi_WithoutKey_Returns401()
    {
        // Arrange
        using var control = emulator.Http();

        // Act
        var response = await control.PostAsJsonAsync("/_emulator/chaos/api", new { status = 429, count = 1 });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChaosWebhooks_OverHttpDuplicate_DeliversEventTwice()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var control = emulator.Http(key);
        var client = emulator.Client(key);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = receiver.Url("hook"), EnabledEvents = ["*"] });
        var set = await control.PostAsJsonAsync("/_emulator/chaos/webhooks", new { duplicate = true });

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        var events = await receiver.WaitForAsync("/hook", endpoint.Secret, e => e.Count >= 2);

        // Assert
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        events.Select(e => e.Id).Should().HaveCount(2).And.OnlyContain(id => id == events[0].Id);
    }
}
