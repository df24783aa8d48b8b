using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Images;

/// <summary>Registers the listing images: their renditions and where they are stored.</summary>
public static class ImagesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ImageRenditions"/>, the <see cref="IImageStore"/> (the local folder of <see cref="ListingImageOptions"/>,
    /// relative to <paramref name="contentRoot"/>; with <c>Files:Provider=S3</c> the file store's <c>images/</c>) and
    /// <see cref="OrphanImageSweepJob"/>, binding and validating the options at start.
    /// </summary>
    public static IServiceCollection AddListingImages(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<ListingImageOptions>().Bind(configuration.GetSection(ListingImageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageRenditions>();
        services.AddSingleton<IImageStore>(sp => sp.GetRequiredService<IOptions<Files.FileStoreOptions>>().Value.Provider == Files.FileStoreProvider.S3
            ? new FileStoreImageStore(sp.GetRequiredService<Files.IFileStore>())
            : new LocalImageStore(sp.GetRequiredService<IOptions<ListingImageOptions>>(), contentRoot));
        services.AddScoped<OrphanImageSweepJob>();
        return services;
    }
}
