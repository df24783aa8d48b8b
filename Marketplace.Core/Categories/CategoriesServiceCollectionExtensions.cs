using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Categories;

/// <summary>Registers the categories.</summary>
public static class CategoriesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="CategoryCatalogue"/>.</summary>
    public static IServiceCollection AddCategories(this IServiceCollection services)
    {
        services.AddScoped<CategoryCatalogue>();
        return services;
    }
}
