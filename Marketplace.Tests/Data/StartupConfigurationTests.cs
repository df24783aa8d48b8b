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
                ["Stripe:Mode"] = "Emulator",
            },
            Environment = "Production",
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Seed:AdminEmail") && e.ToString().Contains("Seed:AdminPassword"));
    }

    [Fact]
    public async Task Start_ProductionWithoutStripeKeyOrMode_FailsNamingTheKeys()
    {
        await using var factory = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?> { ["Stripe:SecretKey"] = "", ["Stripe:Mode"] = "Auto" },
            Environment = "Production",
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().Where(e => e.Message.Contains("Stripe:SecretKey") && e.Message.Contains("Stripe:Mode=Emulator"));
    }

    [Fact]
    public async Task Start_FormerStripeRateSetting_FailsNamingTheNewKey()
    {
        await using var factory = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?> { ["Stripe:MaxRequestsPerSecond"] = "50" },
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Stripe:MaxRequestsPerSecond was renamed Stripe:RequestsPerSecond"));
    }

    [Fact]
    public async Task Start_ProductionWithStripeModeEmulator_StartsAndSaysItTalksToTheEmulator()
    {
        await using var factory = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?> { ["Stripe:SecretKey"] = "", ["Stripe:Mode"] = "Emulator" },
            Environment = "Production",
        };

        using var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).IsSuccessStatusCode.Should().BeTrue();
        File.ReadAllText(factory.LogFile).Should().Contain("Stripe: the emulator (Stripe:Mode=Emulator)");
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
