using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Accounts;

/// <summary>
/// The <c>App:</c> settings, bound and validated at start (<c>ValidateOnStart</c>): where the app is reached from the
/// internet and the language of a reader the app knows nothing about.
/// </summary>
public sealed class AppOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "App";

    /// <summary>
    /// The absolute http(s) URL the app is reached at (e.g. <c>https://market.example.com</c>), used for the links that
    /// leave it (Stripe's return URLs, emails); empty: the request's own scheme and host (development, tests).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The fallback language of pages and emails: <c>en</c> (default) or <c>fr</c> (a region such as <c>fr-BE</c> is accepted).</summary>
    public string? DefaultCulture { get; set; }

    /// <summary><see cref="DefaultCulture"/> as <c>en</c> or <c>fr</c>.</summary>
    public string Culture => UserCultures.Normalize(DefaultCulture) ?? "en";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult($"App:PublicBaseUrl must be an absolute http(s) URL, not '{PublicBaseUrl}'.", [nameof(PublicBaseUrl)]);
        if (!string.IsNullOrWhiteSpace(DefaultCulture) && UserCultures.Normalize(DefaultCulture) is null)
            yield return new ValidationResult($"App:DefaultCulture must be one of {string.Join(", ", UserCultures.Supported)}, not '{DefaultCulture}'.", [nameof(DefaultCulture)]);
    }
}
