using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Deliveries;

/// <summary>
/// The tokens of download links, <c>/downloads/{token}</c>: order id, file id and an expiry, protected by Data
/// Protection (purpose <c>Marketplace.Downloads</c>, so a token of any other purpose or app is refused) through an
/// <see cref="ITimeLimitedDataProtector"/>. That protector reads the system clock and cannot take a
/// <see cref="TimeProvider"/>, so the expiry that decides (<c>Listings:DownloadLinkMinutes</c> from the injected
/// <see cref="TimeProvider"/>) is inside the payload; the protector's own expiration is a day later, a backstop
/// after which a link is simply invalid.
/// </summary>
public sealed class DownloadLinks(IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    /// <summary>The Data Protection purpose of download tokens.</summary>
    public const string Purpose = "Marketplace.Downloads";

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>A token for order <paramref name="orderId"/>'s download of file <paramref name="fileId"/>, valid <c>DownloadLinkMinutes</c> from now.</summary>
    public string Create(int orderId, int fileId)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.DownloadLinkMinutes);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{orderId}.{fileId}.{expires.ToUnixTimeSeconds()}");
        return _protector.Protect(payload, expires.AddDays(1));
    }

    /// <summary>Reads a token: Valid (with its order and file), Expired (with its order and file) or Invalid (tampered, foreign, malformed).</summary>
    public DownloadLink Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return DownloadLink.Invalid;
        string payload;
        try
        {
            payload = _protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return DownloadLink.Invalid;
        }

        var parts = payload.Split('.');
        if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var orderId) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var fileId)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)) return DownloadLink.Invalid;
        var state = clock.GetUtcNow().ToUnixTimeSeconds() >= expires ? DownloadLinkState.Expired : DownloadLinkState.Valid;
        return new DownloadLink(state, orderId, fileId);
    }
}

/// <summary>What a download token says.</summary>
public enum DownloadLinkState
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>A read token: its state, and its order and file ids unless Invalid.</summary>
public sealed record DownloadLink(DownloadLinkState State, int OrderId, int FileId)
{
    /// <summary>A token that is not one of ours.</summary>
    public static DownloadLink Invalid { get; } = new(DownloadLinkState.Invalid, 0, 0);
}
