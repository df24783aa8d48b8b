using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Data;

public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Start_ProductionWithoutAdminSeed_FailsNamingTheMissingKeys()
    {
        await using var factory = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Seed:AdminEmail"] = "",
                ["Seed:AdminPassword"] = "",
            },
            Environment = "Production",
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Seed:AdminEmail") && e.ToString().Contains("Seed:AdminPassword"));
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Postgres")]
    public async Task Start_ServerProviderWithoutConnectionString_FailsNamingTheKey(string provider)
    {
        await using var factory = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Marketplace"] = "",
            },
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage($"Database:Provider is {provider} but ConnectionStrings:Marketplace is empty*");
    }
}
