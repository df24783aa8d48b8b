using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Shops;

/// <summary>The shop settings form as typed (<c>/creator/shop</c>); empty texts mean "none".</summary>
/// <param name="SocialLinks">Up to <see cref="ShopRules.MaxSocialLinks"/> links; empty entries are dropped.</param>
public sealed record ShopSettingsInput(string? DisplayName, string? Slug, string? Bio, string? Website, IReadOnlyList<string?> SocialLinks,
    string? ContactEmail, bool ShowContactEmail, string? RefundPolicy)
{
    /// <summary>The avatar and banner changes (none by default); new pictures already processed and stored by the caller.</summary>
    public ShopPictures Pictures { get; init; } = ShopPictures.None;
}

/// <summary>The outcome of <see cref="ShopSettings.SaveAsync"/>: saved, or the message of each field that is wrong (keyed by the input's property name).</summary>
public sealed record ShopSettingsResult(IReadOnlyDictionary<string, CoreMessage> Errors)
{
    /// <summary>True when the settings were saved.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Saves a creator's shop settings. A new slug must be free: no other shop uses it now or used it before
/// (<see cref="FormerSlug"/>); the old slug is kept as a <see cref="FormerSlug"/> of this shop, so <c>/c/{old}</c>
/// answers 301 for good. Taking back one of the shop's own former slugs is allowed (its redirect row is dropped).
/// New avatar and banner renditions are stored by the caller before the call (a refused form leaves them to the
/// orphan image sweep, as replaced ones).
/// The profile save evicts the shop's cached pages (the web app's after-commit interceptor).
/// </summary>
public sealed class ShopSettings(MarketplaceDbContext db, TimeProvider clock)
{
    /// <summary>Checks and saves <paramref name="input"/> for creator <paramref name="creatorProfileId"/>; nothing is stored when a field is wrong.</summary>
    /// <exception cref="InvalidOperationException">No creator profile has that id.</exception>
    public async Task<ShopSettingsResult> SaveAsync(int creatorProfileId, ShopSettingsInput input, CancellationToken cancellationToken = default)
    {
        var errors = Check(input);
        var slug = ShopRules.NormalizeSlug(input.Slug);
        var creator = await db.CreatorProfiles.SingleOrDefaultAsync(c => c.Id == creatorProfileId, cancellationToken)
                      ?? throw new InvalidOperationException($"No creator profile {creatorProfileId}.");
        var changesSlug = slug != creator.Slug;
        if (changesSlug && !errors.ContainsKey(nameof(input.Slug)) && await TakenByAnotherAsync(slug, creatorProfileId, cancellationToken))
            errors[nameof(input.Slug)] = "Another shop uses or used this address: choose another one.";
        if (errors.Count > 0) return new ShopSettingsResult(errors);

        if (changesSlug)
        {
            var own = await db.FormerSlugs.SingleOrDefaultAsync(f => f.Slug == slug && f.CreatorProfileId == creatorProfileId, cancellationToken);
            if (own is not null) db.FormerSlugs.Remove(own);
            db.FormerSlugs.Add(new FormerSlug(creatorProfileId, creator.Slug, clock.GetUtcNow().UtcDateTime));
        }

        creator.ApplyShop(input, slug);
        await db.SaveChangesAsync(cancellationToken);
        return new ShopSettingsResult(errors);
    }

    /// <summary>The creator's current slug when <paramref name="formerSlug"/> is one their shop gave up; null otherwise.</summary>
    public Task<string?> CurrentSlugOfAsync(string formerSlug, CancellationToken cancellationToken = default)
    {
        var slug = ShopRules.NormalizeSlug(formerSlug);
        return db.FormerSlugs.AsNoTracking().Where(f => f.Slug == slug && f.CreatorProfile!.IsActive && f.CreatorProfile.Status != CreatorStatus.Banned)
            .Select(f => f.CreatorProfile!.Slug).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> TakenByAnotherAsync(string slug, int creatorProfileId, CancellationToken cancellationToken) =>
        await db.CreatorProfiles.AnyAsync(c => c.Slug == slug && c.Id != creatorProfileId, cancellationToken)
        || await db.FormerSlugs.AnyAsync(f => f.Slug == slug && f.CreatorProfileId != creatorProfileId, cancellationToken);

    private static Dictionary<string, CoreMessage> Check(ShopSettingsInput input)
    {
        var errors = new Dictionary<string, CoreMessage>();
        void Add(string field, CoreMessage? error)
        {
            if (error is not null) errors.TryAdd(field, error);
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName)) Add(nameof(input.DisplayName), "A shop name is required.");
        else if (input.DisplayName.Trim().Length > 100) Add(nameof(input.DisplayName), CoreMessage.Of("The shop name can be at most {0} characters.", 100));
        Add(nameof(input.DisplayName), TextRules.NameError(input.DisplayName, "shop name"));
        Add(nameof(input.Slug), ShopRules.SlugError(ShopRules.NormalizeSlug(input.Slug)));
        if ((input.Bio?.Trim().Length ?? 0) > ShopRules.MaxBioLength) Add(nameof(input.Bio), CoreMessage.Of("The bio can be at most {0} characters.", ShopRules.MaxBioLength));
        Add(nameof(input.Bio), TextRules.MultiLineError(input.Bio, "bio"));
        Add(nameof(input.Website), ShopRules.UrlError(input.Website));
        var links = input.SocialLinks.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (links.Count > ShopRules.MaxSocialLinks) Add(nameof(input.SocialLinks), CoreMessage.Of("At most {0} social links.", ShopRules.MaxSocialLinks));
        foreach (var link in links) Add(nameof(input.SocialLinks), ShopRules.UrlError(link));
        Add(nameof(input.ContactEmail), ShopRules.EmailError(input.ContactEmail));
        if (input.ShowContactEmail && string.IsNullOrWhiteSpace(input.ContactEmail)) Add(nameof(input.ContactEmail), "Enter the email to show, or untick “Show it”.");
        if ((input.RefundPolicy?.Trim().Length ?? 0) > ShopRules.MaxRefundPolicyLength)
            Add(nameof(input.RefundPolicy), CoreMessage.Of("The refund policy can be at most {0} characters.", ShopRules.MaxRefundPolicyLength));
        Add(nameof(input.RefundPolicy), TextRules.MultiLineError(input.RefundPolicy, "refund policy"));
        if ((input.Pictures.Avatar.Alt?.Trim().Length ?? 0) > ShopPicture.MaxAltLength || (input.Pictures.Banner.Alt?.Trim().Length ?? 0) > ShopPicture.MaxAltLength)
            Add(nameof(input.Pictures), CoreMessage.Of("A picture's description can be at most {0} characters.", ShopPicture.MaxAltLength));
        return errors;
    }
}
