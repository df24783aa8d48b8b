using System.Net.Mail;
using System.Text.RegularExpressions;
using Marketplace.Core.Text;

namespace Marketplace.Core.Shops;

/// <summary>
/// What a shop's settings may hold: lengths, a slug's shape (<c>a-z</c>, <c>0-9</c> and single inner dashes, 3 to 60
/// characters, as <see cref="Creators.Slug.From"/> makes them), links (absolute <c>http</c>/<c>https</c> URLs only, so no
/// <c>javascript:</c> link ever reaches a page) and the contact email. Each check returns the message to show, or null.
/// </summary>
public static partial class ShopRules
{
    /// <summary>The bio's maximum length, characters.</summary>
    public const int MaxBioLength = 2000;

    /// <summary>The refund policy's maximum length, characters.</summary>
    public const int MaxRefundPolicyLength = 2000;

    /// <summary>A link's maximum length, characters.</summary>
    public const int MaxUrlLength = 300;

    /// <summary>The contact email's maximum length (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>How many social links a shop may show besides its website.</summary>
    public const int MaxSocialLinks = 4;

    /// <summary>A slug's shortest and longest length.</summary>
    public const int MinSlugLength = 3, MaxSlugLength = 60;

    /// <summary>Trimmed <paramref name="value"/>, or null when it is empty or white space.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The slug as stored: trimmed, lower-case (invariant).</summary>
    public static string NormalizeSlug(string? slug) => (slug ?? "").Trim().ToLowerInvariant();

    /// <summary>Why <paramref name="slug"/> (already normalized) cannot be a shop's address; null when it can.</summary>
    public static CoreMessage? SlugError(string slug)
    {
        if (slug.Length is < MinSlugLength or > MaxSlugLength || !SlugShape().IsMatch(slug))
            return CoreMessage.Of("The address must be {0} to {1} lower-case letters, digits or single dashes, not starting or ending with a dash.", MinSlugLength, MaxSlugLength);
        return slug.StartsWith("deleted-", StringComparison.Ordinal) ? CoreMessage.Of("This address is reserved.") : null;
    }

    /// <summary>Why <paramref name="url"/> cannot be a shop link; null when it can (empty passes).</summary>
    public static CoreMessage? UrlError(string? url)
    {
        if (Blank(url) is not { } value) return null;
        if (value.Length > MaxUrlLength) return CoreMessage.Of("A link can be at most {0} characters.", MaxUrlLength);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0
            ? null
            : CoreMessage.Of("“{0}” is not a web address: links start with https:// or http://.", value);
    }

    /// <summary>Why <paramref name="email"/> cannot be the contact email; null when it can (empty passes).</summary>
    public static CoreMessage? EmailError(string? email)
    {
        if (Blank(email) is not { } value) return null;
        return value.Length <= MaxEmailLength && MailAddress.TryCreate(value, out var address) && address.Address == value && !value.Contains(' ', StringComparison.Ordinal)
            ? null
            : CoreMessage.Of("“{0}” is not an email address.", value);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugShape();
}
