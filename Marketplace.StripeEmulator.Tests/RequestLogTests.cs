using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.StripeEmulator;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>The request log: GET /_emulator/requests and StripeEmulatorServer.GetRequests.</summary>
public sealed class RequestLogTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GetRequests_PostWithIdempotencyKeyAndAccount_RecordsEveryField()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express" });

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com", Metadata = new() { ["k"] = "v" } },
            new RequestOptions { IdempotencyKey = "idem-1", StripeAccount = account.Id });
        var requests = emulator.Server.GetRequests(key);

        // Assert
        requests.Should().HaveCount(2);
        requests[0].Path.Should().Be("/v1/accounts");
        var create = requests[1];
        create.Method.Should().Be("POST");
        create.Path.Should().Be("/v1/customers");
        create.StripeAccount.Should().Be(account.Id);
        create.IdempotencyKey.Should().Be("idem-1");
        create.Status.Should().Be(200);
        create.Parameters.Should().Contain(new KeyValuePair<string, string>("email", "a@example.com"))
            .And.Contain(new KeyValuePair<string, string>("metadata[k]", "v"));
        create.At.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetRequests_ErrorsReplaysAndPlannedFailures_AreLoggedWithTheirStatus()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var options = new RequestOptions { IdempotencyKey = "same" };
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options);

        // Act
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options);
        await FluentActions.Awaiting(() => client.V1.Customers.GetAsync("cus_missing")).Should().ThrowAsync<StripeException>();
        emulator.Server.FailNextApiCalls(key, 429, 1);
        await FluentActions.Awaiting(() => client.V1.Customers.CreateAsync(new CustomerCreateOptions { Name = "Rate" }))
            .Should().ThrowAsync<StripeException>();
        using var raw = emulator.Http(key);
        await raw.GetAsync("/v1/not_a_resource");

        // Assert
        emulator.Server.GetRequests(key).Select(r => (r.Method, r.Path, r.Status)).Should().Equal(
            ("POST", "/v1/customers", 200),
            ("POST", "/v1/customers", 200),
            ("GET", "/v1/customers/cus_missing", 404),
            ("POST", "/v1/customers", 429),
            ("GET", "/v1/not_a_resource", 404));
        emulator.Server.GetRequests(key)[3].Parameters.Should().Contain(new KeyValuePair<string, string>("name", "Rate"));
    }

    [Fact]
    public async Task RequestsEndpoint_OverHttp_ListsParamsAsObjectWithRepeatedKeysAsArrays()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        using var http = emulator.Http(key);
        await http.GetAsync("/v1/customers?limit=3&expand[]=data.default_source&expand[]=data.test_clock");

        // Act
        var response = await http.GetAsync("/_emulator/requests");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = body.GetProperty("data").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("method").GetString().Should().Be("GET");
        entry.GetProperty("path").GetString().Should().Be("/v1/customers");
        entry.GetProperty("stripe_account").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("idempotency_key").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("params").GetProperty("limit").GetString().Should().Be("3");
        entry.GetProperty("params").GetProperty("expand[]").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("data.default_source", "data.test_clock");
        entry.GetProperty("status").GetInt32().Should().Be(200);
        entry.GetProperty("at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetRequests_OtherKey_SeesNoneOfThem()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var other = EmulatorFixture.NewApiKey();
        await emulator.Client(key).V1.Customers.ListAsync();

        // Act
        await emulator.Client(other).V1.Products.ListAsync();

        // Assert
        emulator.Server.GetRequests(key).Should().ContainSingle().Which.Path.Should().Be("/v1/customers");
        emulator.Server.GetRequests(other).Should().ContainSingle().Which.Path.Should().Be("/v1/products");
    }

    [Fact]
    public async Task GetRequests_BeyondLimit_KeepsNewestOnly()
    {
        // Arrange
        var options = new StripeEmulatorOptions { Url = "http://127.0.0.1:0" };
        options.Limits.MaxRequestsPerKey = 2;
        await using var server = await StripeEmulatorServer.StartAsync(options);
        var key = EmulatorFixture.NewApiKey();
        var client = new StripeClient(key, httpClient: new SystemNetHttpClient(new HttpClient()), apiBase: server.BaseUrl.ToString());

        // Act
        await client.V1.Customers.ListAsync();
        await client.V1.Products.ListAsync();
        await client.V1.Prices.ListAsync();

        // Assert
        server.GetRequests(key).Select(r => r.Path).Should().Equal("/v1/products", "/v1/prices");
    }
}
