using Marketplace.Core.Accounts;
using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Creators;

/// <summary>
/// Signs up a creator: the Identity user, the <c>Creator</c> role, an active <see cref="CreatorProfile"/> and an
/// active Free <see cref="CreatorSubscription"/> and the welcome email in the outbox, all in one database transaction (all or nothing).
/// </summary>
public sealed class CreatorRegistration(
    MarketplaceDbContext db,
    UserManager<IdentityUser> userManager,
    TimeProvider clock,
    Emails.EmailOutbox emails,
    ILogger<CreatorRegistration> logger)
{
    /// <summary>
    /// Registers a creator. Returns the new user on success, or the errors (a shop name breaking <see cref="TextRules"/>,
    /// Identity's: duplicate email, weak password…) with nothing stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The Free plan is missing (seeding did not run).</exception>
    public async Task<CreatorRegistrationResult> RegisterAsync(string email, string password, string displayName,
        CancellationToken cancellationToken = default)
    {
        if (TextRules.NameError(displayName, "shop name") is { } nameError) return CreatorRegistrationResult.Failed([new IdentityError { Code = "ShopName", Description = nameError.ToString() }]);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = new IdentityUser { UserName = email, Email = email };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded) return CreatorRegistrationResult.Failed(created.Errors);
            if (await OpenAsync(user, displayName, cancellationToken) is { } failed) return failed;
            await transaction.CommitAsync(cancellationToken);
            var profile = db.CreatorProfiles.Local.Single(c => c.UserId == user.Id);

            logger.LogInformation("Registered creator {CreatorId} ({Slug}) on the Free plan", profile.Id, profile.Slug);
            return CreatorRegistrationResult.Success(user, profile);
        });
    }

    /// <summary>
    /// A buyer account opens a shop ("Start selling"): the <c>Creator</c> role, an active <see cref="CreatorProfile"/>
    /// named <paramref name="displayName"/>, the Free subscription and the welcome email, in one transaction, as a creator
    /// sign-up makes them. The caller refreshes the sign-in cookie so the new role counts at once.
    /// </summary>
    /// <returns>The new profile, or the errors (a bad shop name, the account already has a shop) with nothing stored.</returns>
    /// <exception cref="InvalidOperationException">The Free plan is missing (seeding did not run), or the user does not exist.</exception>
    public async Task<CreatorRegistrationResult> OpenShopAsync(string userId, string displayName, CancellationToken cancellationToken = default)
    {
        if (TextRules.NameError(displayName, "shop name") is { } nameError) return CreatorRegistrationResult.Failed([new IdentityError { Code = "ShopName", Description = nameError.ToString() }]);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = await userManager.FindByIdAsync(userId) ?? throw new InvalidOperationException($"There is no user {userId}.");
            if (await db.CreatorProfiles.AnyAsync(c => c.UserId == user.Id, cancellationToken))
                return CreatorRegistrationResult.Failed([new IdentityError { Code = "HasShop", Description = "This account already has a shop." }]);
            if (await OpenAsync(user, displayName, cancellationToken) is { } failed) return failed;
            await transaction.CommitAsync(cancellationToken);
            var profile = db.CreatorProfiles.Local.Single(c => c.UserId == user.Id);
            logger.LogInformation("Buyer {UserId} opened shop {CreatorId} ({Slug}) on the Free plan", user.Id, profile.Id, profile.Slug);
            return CreatorRegistrationResult.Success(user, profile);
        });
    }

    // The Creator role, the profile, the Free subscription and the welcome email, saved in the caller's transaction; the errors otherwise.
    private async Task<CreatorRegistrationResult?> OpenAsync(IdentityUser user, string displayName, CancellationToken cancellationToken)
    {
        var freePlan = await db.Plans.SingleOrDefaultAsync(p => p.Code == PlanCodes.Free, cancellationToken)
            ?? throw new InvalidOperationException("The FREE plan does not exist: plan seeding has not run.");
        if (!await userManager.IsInRoleAsync(user, Roles.Creator))
        {
            var inRole = await userManager.AddToRoleAsync(user, Roles.Creator);
            if (!inRole.Succeeded) return CreatorRegistrationResult.Failed(inRole.Errors);
        }

        var profile = new CreatorProfile(user.Id, displayName, await UniqueSlugAsync(displayName, cancellationToken), clock.GetUtcNow().UtcDateTime);
        db.CreatorProfiles.Add(profile);
        db.CreatorSubscriptions.Add(CreatorSubscription.StartFree(profile, freePlan, profile.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        // The welcome email commits with the account (its job is enqueued after the commit), in the page's language.
        await emails.QueueAsync(Emails.EmailKinds.CreatorWelcome, profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Emails.EmailRecipient(user.Email!, Accounts.UserCultures.Current() ?? emails.DefaultCulture),
            Emails.EmailModelKeys.Of((Emails.EmailModelKeys.ShopName, profile.DisplayName)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string> UniqueSlugAsync(string displayName, CancellationToken cancellationToken)
    {
        var baseSlug = Slug.From(displayName);
        var taken = await db.CreatorProfiles.Where(c => c.Slug == baseSlug || c.Slug.StartsWith(baseSlug + "-"))
            .Select(c => c.Slug)
            .Concat(db.FormerSlugs.Where(f => f.Slug == baseSlug || f.Slug.StartsWith(baseSlug + "-")).Select(f => f.Slug))
            .ToListAsync(cancellationToken);
        if (!taken.Contains(baseSlug)) return baseSlug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}

/// <summary>Outcome of <see cref="CreatorRegistration.RegisterAsync"/>.</summary>
public sealed record CreatorRegistrationResult(bool Succeeded, IdentityUser? User, CreatorProfile? Profile, IReadOnlyList<IdentityError> Errors)
{
    public static CreatorRegistrationResult Success(IdentityUser user, CreatorProfile profile) => new(true, user, profile, []);

    public static CreatorRegistrationResult Failed(IEnumerable<IdentityError> errors) => new(false, null, null, [.. errors]);
}
