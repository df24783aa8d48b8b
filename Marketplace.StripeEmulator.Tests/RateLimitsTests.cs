using System.Net;
using System.Text.Json;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// <c>StripeEmulator:RateLimits</c> (https://docs.stripe.com/rate-limits): off by default; <c>test</c> allows 25 requests a
/// second per account and per endpoint, and answers Stripe's 429 beyond, which Stripe.net retries. Each test starts its own
/// emulator with the limits on, so no other test's calls count.
/// </summary>
public sealed class RateLimitsTests
{
    [Fact]
    public async Task TestMode_26RequestsToOneEndpointInASecond_26th429EndpointRateInStripesShape()
    {
        // Arrange
        await using var server = await StartAsync("test");
        using var http = Http(server, EmulatorFixture.NewApiKey());
        for (var i = 0; i < 25; i++)
            (await http.GetAsync($"/v1/customers/cus_{i}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "each id is the same endpoint, GET /v1/customers/{id}");

        // Act
        using var refused = await http.GetAsync("/v1/customers/cus_26");

        // Assert
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("Stripe-Should-Retry").Should().Equal("true");
        refused.Headers.GetValues("Stripe-Rate-Limited-Reason").Should().Equal("endpoint-rate");
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        (error.GetProperty("type").GetString(), error.GetProperty("code").GetString()).Should().Be(("invalid_request_error", "rate_limit"));
        error.GetProperty("message").GetString().Should().StartWith("Request rate limit exceeded.");
        (await http.GetAsync("/_emulator/requests")).StatusCode.Should().Be(HttpStatusCode.OK, "the control API is never limited");
    }

    [Fact]
    public async Task TestMode_26RequestsOverTwoEndpoints_26th429GlobalRate()
    {
        // Arrange
        await using var server = await StartAsync("test");
        using var http = Http(server, EmulatorFixture.NewApiKey());
        for (var i = 0; i < 13; i++)
        {
            (await http.GetAsync("/v1/customers")).EnsureSuccessStatusCode();
            if (i < 12) (await http.GetAsync("/v1/products")).EnsureSuccessStatusCode();
        }

        // Act
        using var refused = await http.GetAsync("/v1/prices");

        // Assert
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("Stripe-Rate-Limited-Reason").Should().Equal("global-rate");
    }

    [Fact]
    public async Task TestMode_StripeAccountRequests_CountAgainstTheConnectedAccountNotThePlatform()
    {
        // Arrange
        await using var server = await StartAsync("test");
        var key = EmulatorFixture.NewApiKey();
        var client = Client(server, key);
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express", Country = "FR" });
        using var http = Http(server, key);
        for (var i = 0; i < 24; i++) (await http.GetAsync("/v1/balance")).EnsureSuccessStatusCode();

        // Act
        var asAccount = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/balance");
            request.Headers.Add("Stripe-Account", account.Id);
            asAccount.Add((await http.SendAsync(request)).StatusCode);
        }
        using var platform26th = await http.GetAsync("/v1/balance");

        // Assert
        asAccount.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        platform26th.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TestMode_StripeNetWithNetworkRetries_RetriesThe429AndSucceeds()
    {
        // Arrange
        await using var server = await StartAsync("test");
        var key = EmulatorFixture.NewApiKey();
        using var http = Http(server, key);
        for (var i = 0; i < 25; i++) (await http.GetAsync("/v1/customers")).EnsureSuccessStatusCode();
        var client = Client(server, key, maxNetworkRetries: 5);

        // Act
        var customers = await client.V1.Customers.ListAsync();

        // Assert
        customers.Data.Should().BeEmpty();
        server.GetRequests(key).Should().Contain(r => r.Path == "/v1/customers" && r.Status == 429, "Stripe.net was refused first");
        server.GetRequests(key).Last().Status.Should().Be(200);
    }

    [Fact]
    public async Task Off_ByDefault_NoLimit()
    {
        // Arrange
        await using var server = await StripeEmulatorServer.StartAsync(new StripeEmulatorOptions { Url = "http://127.0.0.1:0" });
        using var http = Http(server, EmulatorFixture.NewApiKey());

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await http.GetAsync("/v1/customers")).StatusCode);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_UnknownMode_ArgumentException()
    {
        var act = () => StartAsync("fast");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*off, test, live*");
    }

    private static Task<StripeEmulatorServer> StartAsync(string mode) =>
        StripeEmulatorServer.StartAsync(new StripeEmulatorOptions { Url = "http://127.0.0.1:0", RateLimits = mode });

    private static HttpClient Http(StripeEmulatorServer server, string apiKey)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return http;
    }

    private static StripeClient Client(StripeEmulatorServer server, string apiKey, int maxNetworkRetries = 0) =>
        new(apiKey, httpClient: new SystemNetHttpClient(new HttpClient(), maxNetworkRetries: maxNetworkRetries), apiBase: server.BaseUrl.ToString());
}
