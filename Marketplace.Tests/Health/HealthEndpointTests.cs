using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Health;

public sealed class HealthEndpointTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _factory;

    public HealthEndpointTests(MarketplaceFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AppStarted_ReturnsHealthy(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_DatabaseFileGone_ReturnsUnhealthy()
    {
        await using var factory = new MarketplaceFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "marketplace.db*")) File.Delete(file);
        Directory.Delete(factory.DataDirectory, recursive: true);

        var response = await client.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
