using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.StripeEmulation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Tests.Webhooks.Registration;

/// <summary>In emulator mode the app registers its two webhook endpoints at start-up, even when the emulator is slow.</summary>
public sealed class EmulatorWebhookRegistrationTests
{
    [Fact]
    public async Task Start_EmulatorTimesOutTwice_EndpointsRegisteredOnALaterAttemptAndWebhooksAccepted()
    {
        await using var app = new SlowEmulatorAtStartFactory();

        var secrets = app.Services.GetRequiredService<WebhookSecrets>();
        secrets.Has(WebhookEndpointKind.Billing).Should().BeTrue("the registration is tried again after the timeouts");
        secrets.Has(WebhookEndpointKind.Connect).Should().BeTrue();
        File.ReadAllText(app.LogFile).Should().Contain("trying again", "the first attempts timed out");
    }
}

/// <summary>
/// An app whose Stripe requests time out after 1 s and whose emulator holds the first two API calls 3 s each, planned
/// by a hosted service that starts after the emulator and before the registration (which runs once every service has
/// started).
/// </summary>
internal sealed class SlowEmulatorAtStartFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Stripe:RequestTimeoutSeconds"] = "1",
    ["Stripe:MaxNetworkRetries"] = "0",
})
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHostedService<SlowFirstCalls>());
    }

    private sealed class SlowFirstCalls(InProcessStripeEmulator emulator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            emulator.Server.DelayNextApiCalls(Marketplace.StripeGateway.StripeOptions.EmulatorSecretKey, TimeSpan.FromSeconds(3), 2);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
