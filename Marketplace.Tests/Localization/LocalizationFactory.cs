using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Localization;

/// <summary>The app with its string localizers checked by <see cref="Recorder"/>: a missing resource key is recorded, not hidden.</summary>
public sealed class LocalizationFactory : MarketplaceFactory
{
    /// <summary>What the app looked up and did not find since the last <see cref="MissingResourceRecorder.Clear"/>.</summary>
    public MissingResourceRecorder Recorder => Services.GetRequiredService<MissingResourceRecorder>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new MissingResourceRecorder(new ResourceManagerStringLocalizerFactory(
                sp.GetRequiredService<IOptions<LocalizationOptions>>(), sp.GetRequiredService<ILoggerFactory>())));
            services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<MissingResourceRecorder>());
        });
    }
}
