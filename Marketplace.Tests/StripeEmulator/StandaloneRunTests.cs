using System.Diagnostics;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.StripeEmulator.Infrastructure;
using Stripe;

namespace Marketplace.Tests.StripeEmulator;

/// <summary>The standalone run (<c>dotnet Marketplace.StripeEmulator.dll --urls …</c>) serves the same API as the in-process server.</summary>
public sealed class StandaloneRunTests
{
    [Fact]
    public async Task Run_WithUrlsOnFreePort_ServesStripeApi()
    {
        // Arrange
        using var process = StartOnFreePort();
        try
        {
            var baseUrl = await ReadBaseUrlAsync(process);
            _ = process.StandardOutput.ReadToEndAsync(); // keep draining the request log so the child never blocks
            _ = process.StandardError.ReadToEndAsync();
            var client = new StripeClient(EmulatorFixture.NewApiKey(), httpClient: new SystemNetHttpClient(new HttpClient()), apiBase: baseUrl);

            // Act
            var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = "Standalone" });
            var fetched = await client.V1.Products.GetAsync(product.Id);

            // Assert
            baseUrl.Should().StartWith("http://127.0.0.1:");
            fetched.Name.Should().Be("Standalone");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Run_SigTerm_ExitsWithinFiveSeconds()
    {
        // Arrange: Docker and systemd stop a service with SIGTERM (the emulator used to shut its host down and hang in Main).
        using var process = StartOnFreePort();
        try
        {
            await ReadBaseUrlAsync(process);
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();

            // Act
            var took = await PosixSignals.TerminateAndWaitAsync(process, TimeSpan.FromSeconds(5));

            // Assert
            took.Should().NotBeNull("the emulator must exit within 5 s of SIGTERM");
            process.ExitCode.Should().Be(0);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static Process StartOnFreePort()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Marketplace.StripeEmulator.dll");
        return Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
    }

    private static async Task<string> ReadBaseUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string marker = "listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (line.StartsWith("Stripe emulator", StringComparison.Ordinal) && at >= 0)
                return line[(at + marker.Length)..].Split(' ')[0];
        }
        throw new InvalidOperationException("The emulator exited before printing its address: " + await process.StandardError.ReadToEndAsync());
    }
}
