using System.Net;
using Marketplace.StripeEmulator;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Memory bounds and thread safety: each test starts its own small emulator where limits matter.</summary>
public sealed class LimitsAndConcurrencyTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static async Task<StripeEmulatorServer> StartAsync(Action<EmulatorLimits> limits)
    {
        var options = new StripeEmulatorOptions { Url = "http://127.0.0.1:0" };
        limits(options.Limits);
        return await StripeEmulatorServer.StartAsync(options);
    }

    private static StripeClient Client(StripeEmulatorServer server, string key) =>
        new(key, httpClient: new SystemNetHttpClient(new HttpClient()), apiBase: server.BaseUrl.ToString());

    [Fact]
    public async Task Create_BeyondObjectLimit_Returns400EmulatorObjectLimit()
    {
        // Arrange
        await using var server = await StartAsync(l => l.MaxObjectsPerKey = 3);
        var client = Client(server, EmulatorFixture.NewApiKey());
        for (var i = 0; i < 3; i++) await client.V1.Customers.CreateAsync(new CustomerCreateOptions());

        // Act
        var act = () => client.V1.Customers.CreateAsync(new CustomerCreateOptions());

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Code.Should().Be("emulator_object_limit");
    }

    [Fact]
    public async Task NewKey_BeyondKeyLimit_ForgetsLeastRecentlyUsedKey()
    {
        // Arrange
        await using var server = await StartAsync(l => l.MaxApiKeys = 2);
        var oldest = Client(server, EmulatorFixture.NewApiKey());
        var customer = await oldest.V1.Customers.CreateAsync(new CustomerCreateOptions());
        await Task.Delay(20);
        await Client(server, EmulatorFixture.NewApiKey()).V1.Customers.ListAsync();
        await Task.Delay(20);

        // Act
        await Client(server, EmulatorFixture.NewApiKey()).V1.Customers.ListAsync();
        var act = () => oldest.V1.Customers.GetAsync(customer.Id);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_BeyondEventLimit_KeepsNewestOnly()
    {
        // Arrange
        await using var server = await StartAsync(l => l.MaxEventsPerKey = 2);
        var client = Client(server, EmulatorFixture.NewApiKey());
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = $"P{i}" })).Id);

        // Act
        var events = await client.V1.Events.ListAsync();

        // Assert
        events.Data.Select(e => ((Product)e.Data.Object).Id).Should().Equal(ids[2], ids[1]);
    }

    [Fact]
    public async Task ParallelCreates_SameKey_AllStoredOnce()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = $"c{i}@example.com" })));
        var listed = await client.V1.Customers.ListAsync(new CustomerListOptions { Limit = 100 });
        var events = await client.V1.Events.ListAsync(new EventListOptions { Limit = 100 });

        // Assert
        created.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        listed.Data.Should().HaveCount(40);
        events.Data.Should().HaveCount(40);
    }

    [Fact]
    public async Task ClockAdvance_PastSessionExpiry_ExpiresOpenSession()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var price = await Scenarios.MonthlyPriceAsync(client);
        var session = await client.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription", SuccessUrl = "https://app.example/ok",
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = price.Id, Quantity = 1 }],
        });

        // Act
        emulator.Server.AdvanceClock(key, TimeSpan.FromHours(25));
        var after = await client.V1.Checkout.Sessions.GetAsync(session.Id);

        // Assert
        after.Status.Should().Be("expired");
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "checkout.session.expired" })).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Events_RetrieveById_ReturnsSameEventAsList()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "e@example.com" });
        var listed = (await client.V1.Events.ListAsync()).Data.Single();

        // Act
        var fetched = await client.V1.Events.GetAsync(listed.Id);

        // Assert
        fetched.Type.Should().Be("customer.created");
        fetched.Created.Should().Be(listed.Created);
        ((Customer)fetched.Data.Object).Email.Should().Be("e@example.com");
    }

    [Fact]
    public async Task ListEvents_CreatedRange_FiltersByTestClockTime()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "early@example.com" });
        var later = emulator.Server.AdvanceClock(key, TimeSpan.FromDays(1));
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "late@example.com" });

        // Act
        var events = await client.V1.Events.ListAsync(new EventListOptions
        {
            Created = new DateRangeOptions { GreaterThanOrEqual = DateTimeOffset.FromUnixTimeSeconds(later).UtcDateTime },
        });

        // Assert
        events.Data.Should().ContainSingle().Which.Data.Object.Should().BeOfType<Customer>().Which.Email.Should().Be("late@example.com");
    }

    [Fact]
    public async Task PayCheckout_BeyondObjectLimit_RefusedWithoutHalfMadePayment()
    {
        // Arrange
        await using var server = await StartAsync(l => l.MaxObjectsPerKey = 10);
        var key = EmulatorFixture.NewApiKey();
        var client = Client(server, key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });
        server.SetAccountState(key, account.Id, "enabled");
        var session = await client.V1.Checkout.Sessions.CreateAsync(PaymentScenarios.DestinationCheckout(account.Id, 2500, "eur", 250));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        // Act
        var response = await browser.PayCheckoutAsync(session.Url, "4242424242424242");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("at most 10 objects");
        (await client.V1.PaymentIntents.ListAsync()).Data.Should().BeEmpty();
        (await client.V1.Checkout.Sessions.GetAsync(session.Id)).Status.Should().Be("open");
    }
}
