using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Markdown;

/// <summary>Registers the one Markdown renderer (listing descriptions; shop bios can use it too).</summary>
public static class MarkdownServiceCollectionExtensions
{
    /// <summary>Adds <see cref="MarkdownText"/> as a singleton (it holds no state but its pipeline and sanitizer).</summary>
    public static IServiceCollection AddMarkdown(this IServiceCollection services) => services.AddSingleton<MarkdownText>();
}
