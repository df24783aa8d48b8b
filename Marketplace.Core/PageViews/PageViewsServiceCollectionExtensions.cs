using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.PageViews;

/// <summary>Registers page view counting: the in-memory counter, its batch writer and the hosted service that flushes it.</summary>
public static class PageViewsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PageViewCounter"/>, <see cref="PageViewWriter"/> and <see cref="PageViewFlusher"/>, binding and validating <see cref="PageViewOptions"/> at start.</summary>
    public static IServiceCollection AddPageViews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageViewOptions>().Bind(configuration.GetSection(PageViewOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PageViewCounter>();
        services.AddScoped<PageViewWriter>();
        services.AddSingleton<PageViewFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<PageViewFlusher>());
        return services;
    }
}
