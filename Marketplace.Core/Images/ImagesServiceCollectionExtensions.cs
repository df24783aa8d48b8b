using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Images;

/// <summary>Registers the listing images: their renditions and where they are stored.</summary>
public static class ImagesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ImageRenditions"/> and the local <see cref="IImageStore"/> (under <see cref="ListingImageOptions"/>'s
    /// folder, relative to <paramref name="contentRoot"/>), binding and validating the options at start.
    /// </summary>
    public static IServiceCollection AddListingImages(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<ListingImageOptions>().Bind(configuration.GetSection(ListingImageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageRenditions>();
        services.AddSingleton<IImageStore>(sp => new LocalImageStore(sp.GetRequiredService<IOptions<ListingImageOptions>>(), contentRoot));
        return services;
    }
}
