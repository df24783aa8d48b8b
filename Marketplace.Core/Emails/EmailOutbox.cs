using Marketplace.Core.Accounts;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Emails;

/// <summary>A recipient: address and the culture to write to them in (<c>en</c>/<c>fr</c>).</summary>
public sealed record EmailRecipient(string Address, string Culture);

/// <summary>
/// Writes emails to the outbox (<see cref="OutboxEmail"/>) in the caller's unit of work: <see cref="QueueAsync"/> only adds
/// the row to the context, and the caller's <c>SaveChanges</c> (or transaction commit) stores it with the fact it
/// tells; <see cref="EmailOutboxInterceptor"/> then enqueues its job. Never sends anything itself.
/// </summary>
public sealed class EmailOutbox(MarketplaceDbContext db, IOptions<AppOptions> app, TimeProvider clock)
{
    /// <summary><c>App:DefaultCulture</c> as <c>en</c>/<c>fr</c> (default <c>en</c>).</summary>
    public string DefaultCulture => app.Value.Culture;

    /// <summary>
    /// Adds an email of <paramref name="kind"/> about <paramref name="key"/> unless one exists already (stored, or added
    /// in this context). Returns false when it existed. Two processes racing meet the unique index: the loser's save
    /// throws <see cref="DbUpdateException"/> and its job, retried, finds the row.
    /// </summary>
    public async Task<bool> QueueAsync(string kind, string key, EmailRecipient to, IReadOnlyDictionary<string, string> model,
        CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.Entries<OutboxEmail>().Any(e => e.Entity.Kind == kind && e.Entity.Key == key)) return false;
        if (await db.OutboxEmails.AnyAsync(e => e.Kind == kind && e.Key == key, cancellationToken)) return false;
        db.OutboxEmails.Add(new OutboxEmail(kind, key, to.Address, to.Culture, model, clock.GetUtcNow().UtcDateTime));
        return true;
    }

    /// <summary>An email that is never deduplicated (a new key each time): Identity's links.</summary>
    public void QueueUnique(string kind, EmailRecipient to, IReadOnlyDictionary<string, string> model) =>
        db.OutboxEmails.Add(new OutboxEmail(kind, Guid.NewGuid().ToString("N"), to.Address, to.Culture, model, clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The user <paramref name="userId"/> as a recipient: their email and their <c>locale</c> claim, else
    /// <paramref name="fallbackCulture"/>, else <see cref="DefaultCulture"/>. Null when the user or their email is gone.
    /// </summary>
    public async Task<EmailRecipient?> UserAsync(string userId, string? fallbackCulture = null, CancellationToken cancellationToken = default)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(email)) return null;
        var locale = await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == UserCultures.LocaleClaimType)
            .Select(c => c.ClaimValue).FirstOrDefaultAsync(cancellationToken);
        return new EmailRecipient(email, UserCultures.Normalize(locale) ?? UserCultures.Normalize(fallbackCulture) ?? DefaultCulture);
    }

    /// <summary>The creator <paramref name="creatorProfileId"/>'s user as a recipient (see <see cref="UserAsync"/>).</summary>
    public async Task<EmailRecipient?> CreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var userId = await db.CreatorProfiles.Where(c => c.Id == creatorProfileId).Select(c => c.UserId).SingleOrDefaultAsync(cancellationToken);
        return userId is null ? null : await UserAsync(userId, null, cancellationToken);
    }
}
