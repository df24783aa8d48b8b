using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Memberships.Posts;

/// <summary>
/// The "no more post emails" links of post emails, <c>/memberships/post-emails/off?token=…</c>, which work signed out:
/// the token is a membership id and an expiry (<see cref="MembershipOptions.PostEmailOptOutDays"/> from the injected
/// <see cref="TimeProvider"/>) protected by Data Protection (purpose <c>Marketplace.PostEmailOptOut</c>, so another
/// purpose's token is refused) through an <see cref="ITimeLimitedDataProtector"/> whose own expiry (the system clock) is
/// a day later, a backstop, as for download links.
/// </summary>
public sealed class PostEmailOptOut(MarketplaceDbContext db, IDataProtectionProvider dataProtection, IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>The Data Protection purpose of opt-out tokens.</summary>
    public const string Purpose = "Marketplace.PostEmailOptOut";

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>A token that stops post emails for membership <paramref name="membershipId"/>.</summary>
    public string CreateToken(int membershipId)
    {
        var expires = clock.GetUtcNow().AddDays(options.Value.PostEmailOptOutDays);
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{membershipId}.{expires.ToUnixTimeSeconds()}"), expires.AddDays(1));
    }

    /// <summary>The membership id of a valid token; null when it is tampered, foreign, malformed or expired.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var expires)) return null;
        return clock.GetUtcNow().ToUnixTimeSeconds() < expires ? id : null;
    }

    /// <summary>The creator's name whose post emails the token stops; null when the token is not valid or the membership is gone.</summary>
    public async Task<string?> CreatorOfAsync(string? token, CancellationToken cancellationToken = default) =>
        Read(token) is { } id
            ? await db.Memberships.Where(m => m.Id == id).Join(db.CreatorProfiles, m => m.CreatorProfileId, c => c.Id, (m, c) => c.DisplayName)
                .SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>Stops post emails for the token's membership; false when the token is not valid or the membership is gone.</summary>
    public async Task<bool> StopAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (Read(token) is not { } id) return false;
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (membership is null) return false;
        membership.StopPostEmails();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
