using System.Diagnostics;
using System.Text.Json;
using Marketplace.StripeEmulator;
using Marketplace.StripeEmulator.Control;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Webhook delivery: signing, routing (Connect vs platform), api_version, retries, configured endpoints, chaos.</summary>
public sealed class WebhookDeliveryTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<(StripeClient Client, string Key, string Path, string Secret)> EndpointAsync(
        bool connect = false, List<string>? events = null, string? apiVersion = null)
    {
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var path = "/" + Guid.NewGuid().ToString("N");
        var endpoint = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = _receiver.Url(path.TrimStart('/')), EnabledEvents = events ?? ["*"], Connect = connect, ApiVersion = apiVersion,
        });
        return (client, key, path, endpoint.Secret);
    }

    [Fact]
    public async Task CreateEndpoint_ReturnsSecretOnlyOnCreate()
    {
        // Arrange
        var (client, _, _, secret) = await EndpointAsync();

        // Act
        var listed = await client.V1.WebhookEndpoints.ListAsync();

        // Assert
        secret.Should().StartWith("whsec_");
        listed.Data.Should().ContainSingle().Which.Secret.Should().BeNull();
    }

    [Fact]
    public async Task Deliver_PlatformEvent_SignedVerifiableOnlyWithEndpointSecret()
    {
        // Arrange
        var (client, _, path, secret) = await EndpointAsync();

        // Act
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" });
        var events = await _receiver.WaitForAsync(path, secret, e => e.Count >= 1);
        var raw = _receiver.All.First(r => r.Path == path);
        var wrongSecret = () => EventUtility.ConstructEvent(raw.Body, raw.Signature, "whsec_wrong");

        // Assert
        var evt = events.Should().ContainSingle().Subject;
        evt.Type.Should().Be("customer.created");
        evt.Id.Should().StartWith("evt_");
        evt.ApiVersion.Should().Be(StripeConfiguration.ApiVersion);
        evt.Request.Id.Should().StartWith("req_");
        ((Customer)evt.Data.Object).Id.Should().Be(customer.Id);
        raw.Signature.Should().MatchRegex("^t=\\d+,v1=[0-9a-f]{64}$");
        wrongSecret.Should().Throw<StripeException>();
    }

    [Fact]
    public async Task Deliver_ConnectAndPlatformEvents_RoutedToMatchingEndpointsOnly()
    {
        // Arrange
        var (client, _, platformPath, platformSecret) = await EndpointAsync();
        var connect = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = _receiver.Url("connect-" + platformPath.TrimStart('/')), EnabledEvents = ["*"], Connect = true,
        });
        var connectPath = "/connect-" + platformPath.TrimStart('/');
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });

        // Act
        await client.V1.Accounts.UpdateAsync(account.Id, new AccountUpdateOptions { Metadata = new() { ["a"] = "b" } });
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "x@example.com" });
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions(), new RequestOptions { StripeAccount = account.Id });
        var connectEvents = await _receiver.WaitForAsync(connectPath, connect.Secret, e => e.Count >= 2);
        var platformEvents = await _receiver.WaitForAsync(platformPath, platformSecret, e => e.Count >= 1);

        // Assert
        connectEvents.Select(e => e.Type).Should().Equal("account.updated", "customer.created");
        connectEvents.Should().OnlyContain(e => e.Account == account.Id);
        platformEvents.Should().ContainSingle().Which.Account.Should().BeNull();
    }

    [Fact]
    public async Task Deliver_EndpointWithEnabledEvents_ReceivesOnlyThoseTypes()
    {
        // Arrange
        var (client, _, path, secret) = await EndpointAsync(events: ["price.created"]);

        // Act
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "P" });
        await client.V1.Prices.CreateAsync(new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 1 });
        var events = await _receiver.WaitForAsync(path, secret, e => e.Count >= 1);
        await Task.Delay(200);

        // Assert
        _receiver.Events(path, secret).Select(e => e.Type).Should().Equal("price.created");
        events.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Deliver_EndpointApiVersion_StampedOnPayload()
    {
        // Arrange
        var (client, _, path, _) = await EndpointAsync(apiVersion: "2025-03-31.basil");

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        await WaitUntil(() => _receiver.All.Any(r => r.Path == path));

        // Assert
        using var payload = JsonDocument.Parse(_receiver.All.First(r => r.Path == path).Body);
        payload.RootElement.GetProperty("api_version").GetString().Should().Be("2025-03-31.basil");
    }

    [Fact]
    public async Task Deliver_EndpointAnswers500Twice_RetriedUntilSucceeded()
    {
        // Arrange
        var (client, key, path, secret) = await EndpointAsync();
        _receiver.FailNext(2);

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        var events = await _receiver.WaitForAsync(path, secret, e => e.Count >= 1);
        await WaitUntil(() => emulator.Server.GetDeliveries(key).Count >= 3);

        // Assert
        events.Should().ContainSingle();
        var attempts = emulator.Server.GetDeliveries(key);
        attempts.Select(a => (a.Attempt, a.Outcome, a.StatusCode)).Should().Equal(
            (1, "failed", (int?)500), (2, "failed", (int?)500), (3, "succeeded", (int?)200));
    }

    [Fact]
    public async Task Deliver_UnreachableEndpoint_GivesUpAfterRetryDelays()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = "http://127.0.0.1:9/nowhere", EnabledEvents = ["*"] });

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        await WaitUntil(() => emulator.Server.GetDeliveries(key).Count >= 4);

        // Assert
        var attempts = emulator.Server.GetDeliveries(key);
        attempts.Should().HaveCount(4).And.OnlyContain(a => a.Outcome == "failed");
        attempts.Last().WillRetry.Should().BeFalse();
    }

    [Fact]
    public async Task Deliver_ConfiguredEndpoint_ReceivesSignedWithConfiguredSecret()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var options = new StripeEmulatorOptions { Url = "http://127.0.0.1:0" };
        options.WebhookEndpoints.Add(new EmulatorWebhookEndpoint { ApiKey = key, Url = _receiver.Url("configured"), Secret = "whsec_configured" });
        await using var server = await StripeEmulatorServer.StartAsync(options);
        var client = new StripeClient(key, httpClient: new SystemNetHttpClient(new HttpClient()), apiBase: server.BaseUrl.ToString());

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        var events = await _receiver.WaitForAsync("/configured", "whsec_configured", e => e.Count >= 1);

        // Assert
        events.Should().ContainSingle().Which.Type.Should().Be("customer.created");
    }

    [Fact]
    public async Task Chaos_Duplicate_DeliversEachEventTwice()
    {
        // Arrange
        var (client, key, path, secret) = await EndpointAsync();
        emulator.Server.SetWebhookChaos(key, new WebhookChaos { Duplicate = true });

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        var events = await _receiver.WaitForAsync(path, secret, e => e.Count >= 2);

        // Assert
        events.Should().HaveCount(2);
        events[0].Id.Should().Be(events[1].Id);
    }

    [Fact]
    public async Task Chaos_DropFirstAttempt_DeliversOnRetryOnly()
    {
        // Arrange
        var (client, key, path, secret) = await EndpointAsync();
        emulator.Server.SetWebhookChaos(key, new WebhookChaos { DropFirstAttempt = true });

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        var events = await _receiver.WaitForAsync(path, secret, e => e.Count >= 1);
        await WaitUntil(() => emulator.Server.GetDeliveries(key).Count >= 2);

        // Assert
        events.Should().ContainSingle();
        emulator.Server.GetDeliveries(key).Select(a => a.Outcome).Should().Equal("dropped", "succeeded");
    }

    [Fact]
    public async Task Chaos_Delay_HoldsDeliveryBack()
    {
        // Arrange
        var (client, key, path, secret) = await EndpointAsync();
        emulator.Server.SetWebhookChaos(key, new WebhookChaos { DelayMs = 500 });
        var clock = Stopwatch.StartNew();

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        await _receiver.WaitForAsync(path, secret, e => e.Count >= 1);

        // Assert
        clock.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(500);
        _receiver.Events(path, secret).Should().ContainSingle();
    }

    [Fact]
    public async Task Chaos_Shuffle_DeliversAllEventsInAnotherOrder()
    {
        // Arrange
        var (client, key, path, secret) = await EndpointAsync();
        emulator.Server.SetWebhookChaos(key, new WebhookChaos { Shuffle = true, ShuffleWindowMs = 500 });
        var created = new List<string>();

        // Act
        for (var i = 0; i < 10; i++) created.Add((await client.V1.Customers.CreateAsync(new CustomerCreateOptions())).Id);
        var events = await _receiver.WaitForAsync(path, secret, e => e.Count >= 10);

        // Assert (10! orders: the chance that a shuffle keeps creation order is 1 in 3.6 million)
        var received = events.Select(e => ((Customer)e.Data.Object).Id).ToList();
        received.Should().BeEquivalentTo(created);
        received.Should().NotEqual(created);
    }

    private static async Task WaitUntil(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    [Fact]
    public async Task DeleteEndpoint_LaterEvents_NotDelivered()
    {
        // Arrange
        var (client, key, path, secret) = await EndpointAsync();
        var endpointId = (await client.V1.WebhookEndpoints.ListAsync()).Data.Single().Id;

        // Act
        var deleted = await client.V1.WebhookEndpoints.DeleteAsync(endpointId);
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions());
        await Task.Delay(300);

        // Assert
        deleted.Deleted.Should().BeTrue();
        _receiver.Events(path, secret).Should().BeEmpty();
        emulator.Server.GetDeliveries(key).Should().BeEmpty();
        (await client.V1.Events.ListAsync()).Data.Single().PendingWebhooks.Should().Be(0);
    }
}
