using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Customers: round trip, update event, list and search.</summary>
public sealed class CustomersTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task CreateRetrieveUpdate_FieldsAsStripe()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        // Act
        var created = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com", Name = "Ada" });
        var updated = await client.V1.Customers.UpdateAsync(created.Id, new CustomerUpdateOptions { Name = "Ada L." });
        var fetched = await client.V1.Customers.GetAsync(created.Id);
        var evt = (await client.V1.Events.ListAsync(new EventListOptions { Type = "customer.updated" })).Data.Single();

        // Assert
        created.Object.Should().Be("customer");
        updated.Name.Should().Be("Ada L.");
        fetched.Email.Should().Be("a@example.com");
        string previous = evt.Data.PreviousAttributes.ToString();
        previous.Should().Contain("Ada").And.NotContain("a@example.com");
    }

    [Fact]
    public async Task ListAndSearch_ByEmail_ReturnOnlyMatches()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var match = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "match@example.com" });
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "other@example.com" });

        // Act
        var listed = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = "match@example.com" });
        var searched = await client.V1.Customers.SearchAsync(new CustomerSearchOptions { Query = "email:'match@example.com'" });

        // Assert
        listed.Data.Should().ContainSingle().Which.Id.Should().Be(match.Id);
        searched.Data.Should().ContainSingle().Which.Id.Should().Be(match.Id);
    }
}
