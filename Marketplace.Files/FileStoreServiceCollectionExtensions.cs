using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary>Registers the <see cref="IFileStore"/> chosen by <c>Files:Provider</c>.</summary>
public static class FileStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="FileStoreOptions"/> (section <c>Files</c>, validated at start-up) and registers the store as a
    /// singleton: <see cref="LocalFileStore"/> under <c>Files:LocalDirectory</c> resolved against <paramref name="contentRoot"/>,
    /// or <see cref="S3FileStore"/> on <c>Files:S3</c> (checked by <see cref="FileStoreOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileStoreOptions>, FileStoreOptionsValidator>();
        services.AddSingleton<IFileStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FileStoreOptions>>().Value;
            return options.Provider switch
            {
                FileStoreProvider.Local => new LocalFileStore(Path.GetFullPath(options.LocalDirectory, contentRoot)),
                FileStoreProvider.S3 => new S3FileStore(options.S3),
                _ => throw new InvalidOperationException($"Files:Provider {options.Provider} is not supported."),
            };
        });
        return services;
    }
}
