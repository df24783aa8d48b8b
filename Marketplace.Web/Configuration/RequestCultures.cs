using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Configuration;

/// <summary>
/// The request's culture, which forms read amounts in (<see cref="Marketplace.Core.Amounts.AmountParser"/>): chosen from
/// <c>?culture=</c>, the culture cookie or <c>Accept-Language</c> among <see cref="Supported"/>; without any, the
/// invariant culture (a dot for decimals), as before. Only the culture of numbers follows the request: the pages stay
/// in English (the UI culture is always invariant).
/// </summary>
public static class RequestCultures
{
    /// <summary>The cultures a request may choose; a region falls back to its language (fr-BE → fr).</summary>
    public static readonly string[] Supported = ["en", "en-US", "en-GB", "fr", "de", "es", "it", "nl", "pt"];

    /// <summary>Registers the request localization options.</summary>
    public static IServiceCollection AddMarketplaceRequestCultures(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.InvariantCulture);
            options.SupportedCultures = [CultureInfo.InvariantCulture, .. Supported.Select(CultureInfo.GetCultureInfo)];
            options.SupportedUICultures = [CultureInfo.InvariantCulture];
            options.FallBackToParentUICultures = false;
        });
}
