using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Registration;

/// <summary>
/// Tells the owner of an address that someone tried to sign up with it (outbox kind
/// <see cref="EmailKinds.RegistrationAttempt"/>): the sign-up pages answer such an attempt exactly as a new sign-up, so
/// only the owner learns of it. At most one such email per account per <see cref="Interval"/> (the outbox key holds the
/// hour, and a row of the last hour stops another), so repeated attempts cannot flood the owner's inbox.
/// </summary>
public sealed class RegistrationAttemptWarning(MarketplaceDbContext db, EmailOutbox emails, TimeProvider clock)
{
    /// <summary>The shortest time between two warnings to one account.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>
    /// Queues and saves the warning to the account whose email is <paramref name="email"/> (Identity's normalized form
    /// is compared); nothing when no account has it, it has no address, or it was warned less than <see cref="Interval"/> ago.
    /// Returns true when an email was queued.
    /// </summary>
    public async Task<bool> WarnOwnerAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null || await emails.UserAsync(userId, cancellationToken: cancellationToken) is not { } to) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Interval;
        var prefix = userId + ":";
        if (await db.OutboxEmails.AnyAsync(e => e.Kind == EmailKinds.RegistrationAttempt && e.Key.StartsWith(prefix) && e.CreatedAt > since, cancellationToken))
            return false;
        var key = prefix + now.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        if (!await emails.QueueAsync(EmailKinds.RegistrationAttempt, key, to,
                EmailModelKeys.Of((EmailModelKeys.Date, now.ToString("O", CultureInfo.InvariantCulture))), cancellationToken))
            return false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false; // another request of the same hour stored it first
        }

        return true;
    }
}
