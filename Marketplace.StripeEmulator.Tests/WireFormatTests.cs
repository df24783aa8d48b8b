using System.Net;
using System.Text.Json;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Stripe's wire format: bracket-notation parameters, errors, idempotency, lists, expand, Stripe-Account, per-key state.</summary>
public sealed class WireFormatTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_UnknownParameter_Returns400NamingIt()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = new CustomerCreateOptions { Email = "a@example.com" };
        options.AddExtraParam("favourite_colour", "blue");

        // Act
        var act = () => client.V1.Customers.CreateAsync(options);

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Type.Should().Be("invalid_request_error");
        error.StripeError.Param.Should().Be("favourite_colour");
    }

    [Fact]
    public async Task Create_UnknownNestedParameter_NamesBracketPath()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "P" });
        var options = new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 100, Recurring = new() { Interval = "month" } };
        options.AddExtraParam("recurring[colour]", "red");

        // Act
        var act = () => client.V1.Prices.CreateAsync(options);

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("recurring[colour]");
    }

    [Fact]
    public async Task Create_MissingRequiredParameter_Returns400NamingIt()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Products.CreateAsync(new ProductCreateOptions());

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.StripeError.Code.Should().Be("parameter_missing");
        error.StripeError.Param.Should().Be("name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer sk_" + "live_abcdefghijkl")] // split so no live-looking key stands in the repository
    [InlineData("Bearer nonsense")]
    public async Task AnyCall_MissingOrNonTestKey_Returns401(string? authorization)
    {
        // Arrange
        using var http = emulator.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/customers");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        // Act
        using var response = await http.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");
    }

    [Fact]
    public async Task Retrieve_UnknownId_Returns404ResourceMissing()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Customers.GetAsync("cus_doesnotexist");

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.NotFound);
        error.StripeError.Code.Should().Be("resource_missing");
        error.StripeError.Param.Should().Be("id");
    }

    [Fact]
    public async Task Post_SameIdempotencyKeySameParameters_ReplaysFirstResponse()
    {
        // Arrange
        using var http = emulator.Http(EmulatorFixture.NewApiKey());
        var key = Guid.NewGuid().ToString();

        // Act
        using var first = await Send(http, key, "email=a%40example.com&metadata[user_id]=7");
        using var second = await Send(http, key, "email=a%40example.com&metadata[user_id]=7");

        // Assert
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        first.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyDifferentParameters_Returns400IdempotencyError()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);

        // Act
        var act = () => client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options);

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Type.Should().Be("idempotency_error");
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyViaStripeNet_ReturnsSameObject()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };
        var create = new CustomerCreateOptions { Email = "a@example.com" };

        // Act
        var first = await client.V1.Customers.CreateAsync(create, options);
        var second = await client.V1.Customers.CreateAsync(create, options);

        // Assert
        second.Id.Should().Be(first.Id);
        (await client.V1.Customers.ListAsync()).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Create_MetadataInBracketNotation_RoundTrips()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var created = await client.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = "a@example.com", Metadata = new() { ["user_id"] = "42", ["plan"] = "gold" },
        });
        var updated = await client.V1.Customers.UpdateAsync(created.Id, new CustomerUpdateOptions { Metadata = new() { ["plan"] = "" } });

        // Assert
        created.Id.Should().StartWith("cus_");
        created.Created.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        created.Livemode.Should().BeFalse();
        created.Metadata.Should().Equal(new Dictionary<string, string> { ["user_id"] = "42", ["plan"] = "gold" });
        updated.Metadata.Should().Equal(new Dictionary<string, string> { ["user_id"] = "42" });
    }

    [Fact]
    public async Task List_MoreThanLimit_PagesWithStartingAfter()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = $"P{i}" })).Id);

        // Act
        var first = await client.V1.Products.ListAsync(new ProductListOptions { Limit = 3 });
        var second = await client.V1.Products.ListAsync(new ProductListOptions { Limit = 3, StartingAfter = first.Data.Last().Id });
        var all = new List<string>();
        await foreach (var product in client.V1.Products.ListAutoPagingAsync(new ProductListOptions { Limit = 2 })) all.Add(product.Id);

        // Assert
        first.HasMore.Should().BeTrue();
        first.Url.Should().Be("/v1/products");
        second.HasMore.Should().BeFalse();
        first.Data.Concat(second.Data).Select(p => p.Id).Should().Equal(Enumerable.Reverse(ids));
        all.Should().Equal(Enumerable.Reverse(ids));
    }

    [Fact]
    public async Task Retrieve_WithExpand_ReturnsNestedObject()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Expanded" });
        var price = await client.V1.Prices.CreateAsync(new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 500 });

        // Act
        var plain = await client.V1.Prices.GetAsync(price.Id);
        var expanded = await client.V1.Prices.GetAsync(price.Id, new PriceGetOptions { Expand = ["product"] });
        var listed = await client.V1.Prices.ListAsync(new PriceListOptions { Expand = ["data.product"] });

        // Assert
        plain.ProductId.Should().Be(product.Id);
        plain.Product.Should().BeNull();
        expanded.Product.Name.Should().Be("Expanded");
        listed.Data.Single().Product.Name.Should().Be("Expanded");
    }

    [Fact]
    public async Task Retrieve_ExpandUnknownField_Returns400OnExpand()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "P" });

        // Act
        var act = () => client.V1.Products.GetAsync(product.Id, new ProductGetOptions { Expand = ["nonsense"] });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Param.Should().Be("expand");
    }

    [Fact]
    public async Task StripeAccountHeader_ObjectsOnConnectedAccount_InvisibleToPlatform()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await client.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "standard" });
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        // Act
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "c@example.com" }, onAccount);
        var fromAccount = await client.V1.Customers.GetAsync(customer.Id, null, onAccount);
        var fromPlatform = () => client.V1.Customers.GetAsync(customer.Id);

        // Assert
        fromAccount.Email.Should().Be("c@example.com");
        (await fromPlatform.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StripeAccountHeader_UnknownAccount_Returns403()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Customers.ListAsync(null, new RequestOptions { StripeAccount = "acct_unknown" });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.HttpStatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DifferentApiKeys_NeverSeeEachOthersObjects()
    {
        // Arrange
        var alice = emulator.Client(EmulatorFixture.NewApiKey());
        var bob = emulator.Client(EmulatorFixture.NewApiKey());
        var customer = await alice.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "alice@example.com" });

        // Act
        var bobsList = await bob.V1.Customers.ListAsync();
        var bobGets = () => bob.V1.Customers.GetAsync(customer.Id);

        // Assert
        bobsList.Data.Should().BeEmpty();
        await bobGets.Should().ThrowAsync<StripeException>();
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string idempotencyKey, string form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers")
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }
}
