using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Products and prices: fields, lookup keys, list filters, search query language.</summary>
public sealed class PricesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_RecurringPrice_FillsStripeFields()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Silver", Metadata = new() { ["plan_id"] = "2" } });

        // Act
        var price = await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = product.Id, Currency = "EUR", UnitAmount = 1250, LookupKey = "silver_monthly",
            Recurring = new PriceRecurringOptions { Interval = "month" }, Metadata = new() { ["plan_id"] = "2" },
        });

        // Assert
        price.Id.Should().StartWith("price_");
        price.Active.Should().BeTrue();
        price.Currency.Should().Be("eur");
        price.UnitAmount.Should().Be(1250);
        price.Type.Should().Be("recurring");
        price.Recurring.Interval.Should().Be("month");
        price.Recurring.IntervalCount.Should().Be(1);
        price.LookupKey.Should().Be("silver_monthly");
        price.ProductId.Should().Be(product.Id);
        product.Metadata["plan_id"].Should().Be("2");
    }

    [Fact]
    public async Task Create_LookupKeyInUse_Returns400UnlessTransferred()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Gold" });
        var options = new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 900, LookupKey = "gold", Recurring = new() { Interval = "month" } };
        var old = await client.V1.Prices.CreateAsync(options);

        // Act
        var duplicate = await FluentActions.Awaiting(() => client.V1.Prices.CreateAsync(options)).Should().ThrowAsync<StripeException>();
        options.TransferLookupKey = true;
        options.UnitAmount = 1000;
        var moved = await client.V1.Prices.CreateAsync(options);

        // Assert
        duplicate.Which.StripeError.Param.Should().Be("lookup_key");
        moved.LookupKey.Should().Be("gold");
        (await client.V1.Prices.GetAsync(old.Id)).LookupKey.Should().BeNull();
        var byKey = await client.V1.Prices.ListAsync(new PriceListOptions { LookupKeys = ["gold"] });
        byKey.Data.Should().ContainSingle().Which.Id.Should().Be(moved.Id);
    }

    [Fact]
    public async Task Update_ActiveAndMetadata_ChangesPriceAndListFilters()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "P" });
        var price = await client.V1.Prices.CreateAsync(new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 100 });

        // Act
        var updated = await client.V1.Prices.UpdateAsync(price.Id, new PriceUpdateOptions { Active = false, Metadata = new() { ["archived"] = "yes" } });
        var active = await client.V1.Prices.ListAsync(new PriceListOptions { Active = true, Product = product.Id });
        var inactive = await client.V1.Prices.ListAsync(new PriceListOptions { Active = false, Product = product.Id });

        // Assert
        updated.Active.Should().BeFalse();
        updated.Metadata["archived"].Should().Be("yes");
        active.Data.Should().BeEmpty();
        inactive.Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Search_MetadataActiveAndProductJoinedByAnd_ReturnsOnlyMatches()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "P" });
        var other = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Other" });
        async Task<Price> Create(string productId, string plan, bool active)
        {
            var p = await client.V1.Prices.CreateAsync(new PriceCreateOptions
            {
                Product = productId, Currency = "usd", UnitAmount = 100, Metadata = new() { ["plan_id"] = plan },
            });
            return active ? p : await client.V1.Prices.UpdateAsync(p.Id, new PriceUpdateOptions { Active = false });
        }
        var match = await Create(product.Id, "7", true);
        await Create(product.Id, "7", false);
        await Create(product.Id, "8", true);
        await Create(other.Id, "7", true);

        // Act
        var result = await client.V1.Prices.SearchAsync(new PriceSearchOptions
        {
            Query = $"metadata['plan_id']:'7' AND active:'true' AND product:'{product.Id}'",
        });

        // Assert
        result.Object.Should().Be("search_result");
        result.Data.Should().ContainSingle().Which.Id.Should().Be(match.Id);
        result.HasMore.Should().BeFalse();
    }

    [Fact]
    public async Task Search_MoreResultsThanLimit_PagesWithNextPage()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "P" });
        for (var i = 0; i < 3; i++)
            await client.V1.Prices.CreateAsync(new PriceCreateOptions { Product = product.Id, Currency = "usd", UnitAmount = 100 + i });

        // Act
        var first = await client.V1.Prices.SearchAsync(new PriceSearchOptions { Query = "active:'true'", Limit = 2 });
        var second = await client.V1.Prices.SearchAsync(new PriceSearchOptions { Query = "active:'true'", Limit = 2, Page = first.NextPage });

        // Assert
        first.HasMore.Should().BeTrue();
        first.NextPage.Should().NotBeNullOrEmpty();
        second.Data.Should().ContainSingle();
        second.HasMore.Should().BeFalse();
    }

    [Theory]
    [InlineData("metadata['plan_id']:7")]
    [InlineData("colour:'red'")]
    [InlineData("active:'true' AND currency:'usd' OR type:'recurring'")]
    public async Task Search_InvalidQuery_Returns400OnQuery(string query)
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var act = () => client.V1.Prices.SearchAsync(new PriceSearchOptions { Query = query });

        // Assert
        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.StripeError.Param.Should().Be("query");
    }

    [Fact]
    public async Task UpdateProduct_Name_EmitsProductUpdatedWithPreviousAttributes()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Before" });

        // Act
        await client.V1.Products.UpdateAsync(product.Id, new ProductUpdateOptions { Name = "After" });
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "product.updated" });

        // Assert
        var evt = events.Data.Should().ContainSingle().Subject;
        ((Product)evt.Data.Object).Name.Should().Be("After");
        string previous = evt.Data.PreviousAttributes.ToString();
        previous.Should().Contain("\"name\"").And.Contain("Before");
    }
}
