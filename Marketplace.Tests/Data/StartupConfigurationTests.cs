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

    [Fact]
    public async Task Start_SqlServerWithoutConnectionString_FailsNamingTheKey()
    {
        await using var factory = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "SqlServer",
                ["ConnectionStrings:Marketplace"] = "",
            },
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings:Marketplace*");
    }
}
