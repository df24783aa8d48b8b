using Marketplace.Core.Accounts;
using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Marketplace.Web.Configuration;

/// <summary>
/// The request's cultures (ASP.NET Core request localization,
/// https://learn.microsoft.com/aspnet/core/fundamentals/localization/select-language-culture): the culture cookie
/// (<see cref="CookieRequestCultureProvider"/>, set by the footer's switch and, for a signed-in user, restored from their
/// <c>locale</c> claim at sign-in), then <c>Accept-Language</c>, then <c>App:DefaultCulture</c> (default <c>en</c>).
/// The UI culture, which the pages speak and format money and dates in, is one of <see cref="UiCultures"/>; the culture
/// of numbers may also be one of <see cref="Supported"/>, so amount forms read the visitor's decimal separator
/// (<see cref="Marketplace.Core.Amounts.AmountParser"/>: <c>12,50</c> for a German visitor on English pages).
/// </summary>
public static class RequestCultures
{
    /// <summary>The languages of the pages (<see cref="UserCultures.Supported"/>).</summary>
    public static IReadOnlyList<string> UiCultures => UserCultures.Supported;

    /// <summary>The cultures amounts may be typed in; a region falls back to its language (fr-BE → fr).</summary>
    public static readonly string[] Supported = ["en", "en-US", "en-GB", "fr", "de", "es", "it", "nl", "pt"];

    /// <summary>The UI culture <paramref name="value"/> names when it is one of <see cref="UiCultures"/> (<c>fr</c>, <c>fr-BE</c>), else null.</summary>
    public static string? UiCultureOf(string? value) => UserCultures.Normalize(value);

    /// <summary>Registers ASP.NET Core's localization (resources under <c>Resources/</c>, views, DataAnnotations) and the request cultures.</summary>
    public static IServiceCollection AddMarketplaceRequestCultures(this IServiceCollection services, IConfiguration configuration)
    {
        var fallback = (configuration.GetSection(AppOptions.SectionName).Get<AppOptions>() ?? new AppOptions()).Culture; // validated at start (AppOptions)
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, Localization.ValidationMessages>();
        return services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(fallback);
            options.SupportedCultures = [.. Supported.Select(CultureInfo.GetCultureInfo)];
            options.SupportedUICultures = [.. UiCultures.Select(CultureInfo.GetCultureInfo)];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }

    /// <summary>MVC's view and DataAnnotations localization; every attribute message and display name is a key of <see cref="Localization.SharedResource"/>.</summary>
    public static IMvcBuilder AddMarketplaceLocalization(this IMvcBuilder mvc) =>
        mvc.AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Localization.SharedResource)));
}
