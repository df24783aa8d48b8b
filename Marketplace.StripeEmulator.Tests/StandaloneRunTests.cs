using Marketplace.Testing.Processes;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>The standalone run (<c>dotnet Marketplace.StripeEmulator.dll --urls …</c>) serves the same API as the in-process server.</summary>
public sealed class StandaloneRunTests
{
    [Fact]
    public async Task Run_WithUrlsOnFreePort_ServesStripeApi()
    {
        // Arrange
        using var emulator = await StandaloneEmulatorProcess.StartAsync();
        var client = new StripeClient(EmulatorFixture.NewApiKey(), httpClient: new SystemNetHttpClient(new HttpClient()),
            apiBase: emulator.BaseUrl.ToString().TrimEnd('/'));

        // Act
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Standalone" });
        var fetched = await client.V1.Products.GetAsync(product.Id);

        // Assert
        emulator.BaseUrl.ToString().Should().StartWith("http://127.0.0.1:");
        fetched.Name.Should().Be("Standalone");
    }

    [Fact]
    public async Task Run_SigTerm_ExitsWithinFiveSeconds()
    {
        // Arrange: Docker and systemd stop a service with SIGTERM (the emulator used to shut its host down and hang in Main).
        using var emulator = await StandaloneEmulatorProcess.StartAsync();

        // Act
        var took = await PosixSignals.TerminateAndWaitAsync(emulator.Process, TimeSpan.FromSeconds(5));

        // Assert
        took.Should().NotBeNull("the emulator must exit within 5 s of SIGTERM");
        emulator.Process.ExitCode.Should().Be(0);
    }
}
