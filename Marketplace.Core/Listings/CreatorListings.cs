using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Orders;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Listings;

/// <summary>
/// A creator's own listings: list, create, edit, deactivate, reactivate. Every method takes the signed-in creator's id
/// and only ever touches that creator's rows. Active listings are limited by the plan's <c>MaxListings</c> (null:
/// unlimited) read from <see cref="CreatorCapabilities"/>; the count and the insert (or reactivation) run under a
/// per-creator lock, so two concurrent creates cannot both pass the limit.
/// </summary>
/// <remarks>
/// Pictures (<see cref="ListingImageChanges"/>) are checked with the rest of the input; their renditions are written to
/// the <see cref="Images.IImageStore"/> only once everything is valid, just before the save (content-addressed files, so
/// a save that fails after leaves only unreferenced files, never a row without its file).
/// </remarks>
public sealed class CreatorListings(MarketplaceDbContext db, CreatorCapabilities capabilities, IDistributedLocks locks, MinimumChargeAmounts minimums,
    TimeProvider clock, Images.IImageStore imageStore)
{
    /// <summary>The creator's listings, active first, oldest first.</summary>
    public async Task<IReadOnlyList<Listing>> ForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await db.Listings.AsNoTracking().Where(l => l.CreatorProfileId == creatorProfileId)
            .OrderByDescending(l => l.IsActive).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync(cancellationToken);

    /// <summary>One listing of the creator; null when it does not exist or is another creator's.</summary>
    public Task<Listing?> FindAsync(int creatorProfileId, int listingId, CancellationToken cancellationToken = default) =>
        db.Listings.AsNoTracking().Include(l => l.Images).SingleOrDefaultAsync(l => l.Id == listingId && l.CreatorProfileId == creatorProfileId, cancellationToken);

    /// <summary>Creates an active listing, unless the input is invalid or the plan's limit is reached (nothing stored then).</summary>
    public async Task<ListingResult> CreateAsync(int creatorProfileId, ListingInput input, CancellationToken cancellationToken = default) =>
        await CreateAsync(creatorProfileId, input, ListingImageChanges.None, cancellationToken);

    /// <summary>Creates an active listing with its pictures, unless the input or pictures are invalid or the plan's limit is reached (nothing stored then).</summary>
    public async Task<ListingResult> CreateAsync(int creatorProfileId, ListingInput input, ListingImageChanges images, CancellationToken cancellationToken = default)
    {
        var (minor, error) = PriceOf(input);
        if (minor is null) return new(ListingOutcome.Invalid, Error: error);
        if (await CategoryErrorAsync(input, cancellationToken) is { } categoryError) return new(ListingOutcome.Invalid, Error: categoryError);
        Listing listing;
        try
        {
            listing = new Listing(creatorProfileId, input.Title ?? "", input.Description, minor.Value, input.Currency!.Trim(), Now(), input.DeliveryNote);
            listing.Classify(input.CategoryId, input.Tags, Now());
            listing.ApplyImages(images, Now());
        }
        catch (DomainException ex)
        {
            return new(ListingOutcome.Invalid, Error: ex.Text);
        }

        using var creatorLock = await LockAsync(creatorProfileId, cancellationToken);
        if (await LimitReachedAsync(creatorProfileId, cancellationToken) is { } limit) return new(ListingOutcome.LimitReached, Limit: limit);
        if (await StoreAsync(images, cancellationToken) is { } unavailable) return new(ListingOutcome.Invalid, Error: unavailable);
        db.Listings.Add(listing);
        await db.SaveChangesAsync(cancellationToken);
        return new(ListingOutcome.Done, listing);
    }

    /// <summary>Changes a listing's title, description and price (active or not).</summary>
    public Task<ListingResult> UpdateAsync(int creatorProfileId, int listingId, ListingInput input, CancellationToken cancellationToken = default) =>
        UpdateAsync(creatorProfileId, listingId, input, ListingImageChanges.None, cancellationToken);

    /// <summary>Changes a listing's text, price and pictures (active or not); nothing changes when any of it is invalid.</summary>
    public async Task<ListingResult> UpdateAsync(int creatorProfileId, int listingId, ListingInput input, ListingImageChanges images, CancellationToken cancellationToken = default)
    {
        var listing = await TrackedAsync(creatorProfileId, listingId, cancellationToken);
        if (listing is null) return new(ListingOutcome.NotFound);
        var (minor, error) = PriceOf(input);
        if (minor is null) return new(ListingOutcome.Invalid, listing, error);
        if (await CategoryErrorAsync(input, cancellationToken) is { } categoryError) return new(ListingOutcome.Invalid, listing, categoryError);
        try
        {
            listing.Update(input.Title ?? "", input.Description, minor.Value, input.Currency!.Trim(), Now(), input.DeliveryNote);
            listing.Classify(input.CategoryId, input.Tags, Now());
            if (!ReferenceEquals(images, ListingImageChanges.None)) listing.ApplyImages(images, Now());
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return new(ListingOutcome.Invalid, listing, ex.Text);
        }

        if (await StoreAsync(images, cancellationToken) is { } unavailable)
        {
            db.ChangeTracker.Clear();
            return new(ListingOutcome.Invalid, listing, unavailable);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(ListingOutcome.Done, listing);
    }

    /// <summary>Takes a listing off the storefront (idempotent).</summary>
    public async Task<ListingResult> DeactivateAsync(int creatorProfileId, int listingId, CancellationToken cancellationToken = default)
    {
        var listing = await TrackedAsync(creatorProfileId, listingId, cancellationToken);
        if (listing is null) return new(ListingOutcome.NotFound);
        if (listing.IsActive)
        {
            listing.Deactivate(Now());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(ListingOutcome.Done, listing);
    }

    /// <summary>Puts a listing back on the storefront, within the plan's limit (idempotent).</summary>
    public async Task<ListingResult> ReactivateAsync(int creatorProfileId, int listingId, CancellationToken cancellationToken = default)
    {
        using var creatorLock = await LockAsync(creatorProfileId, cancellationToken);
        var listing = await TrackedAsync(creatorProfileId, listingId, cancellationToken);
        if (listing is null) return new(ListingOutcome.NotFound);
        if (listing.IsActive) return new(ListingOutcome.Done, listing);
        if (await LimitReachedAsync(creatorProfileId, cancellationToken) is { } limit) return new(ListingOutcome.LimitReached, listing, Limit: limit);
        listing.Reactivate(Now());
        await db.SaveChangesAsync(cancellationToken);
        return new(ListingOutcome.Done, listing);
    }

    /// <summary>The plan's limit when one more active listing would pass it; null when there is room (or no limit).</summary>
    public async Task<ListingLimit?> LimitReachedAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var caps = await capabilities.GetAsync(creatorProfileId, cancellationToken);
        var max = caps is null ? 0 : caps.MaxListings;
        if (max is null) return null;
        var usage = await db.Listings.CountAsync(l => l.CreatorProfileId == creatorProfileId && l.IsActive, cancellationToken);
        if (usage < max) return null;
        var planName = await db.CreatorSubscriptions.Where(s => s.CreatorProfileId == creatorProfileId).Select(s => s.Plan!.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? "current";
        return new ListingLimit(planName, max.Value, usage);
    }

    /// <summary>The price in minor units, at least Stripe's minimum charge for the currency (<see cref="MinimumChargeAmounts"/>), or the error.</summary>
    private (long? Minor, Text.CoreMessage? Error) PriceOf(ListingInput input)
    {
        var (minor, error) = input.PriceMinor();
        if (minor is null) return (null, error);
        var currency = input.Currency!.Trim();
        return minimums.For(currency) is { } minimum && minor < minimum
            ? (null, Text.CoreMessage.Of("Stripe's minimum charge in {0} is {1}: the price must be at least that.", currency.ToUpperInvariant(), new Text.CoreMoney(minimum, currency)))
            : (minor, null);
    }

    /// <summary>The error when the input names a category that does not exist; null otherwise.</summary>
    private async Task<Text.CoreMessage?> CategoryErrorAsync(ListingInput input, CancellationToken cancellationToken) =>
        input.CategoryId is { } id && !await db.Categories.AnyAsync(c => c.Id == id, cancellationToken)
            ? Text.CoreMessage.Of("Choose a category from the list.")
            : null;

    /// <summary>Stores the new renditions; the form's message when the store (S3) does not answer (renditions already written are the orphan sweep's).</summary>
    private async Task<Text.CoreMessage?> StoreAsync(ListingImageChanges images, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var rendition in images.NewRenditions()) await imageStore.SaveAsync(rendition.Key, rendition.Bytes, cancellationToken);
            return null;
        }
        catch (Files.FileStoreUnavailableException)
        {
            return Text.CoreMessage.Of("The picture storage is not answering right now, so nothing was saved: try again in a few minutes.");
        }
    }

    private Task<Listing?> TrackedAsync(int creatorProfileId, int listingId, CancellationToken cancellationToken) =>
        db.Listings.Include(l => l.Images).SingleOrDefaultAsync(l => l.Id == listingId && l.CreatorProfileId == creatorProfileId, cancellationToken);

    private Task<IDisposable> LockAsync(int creatorProfileId, CancellationToken cancellationToken) =>
        locks.AcquireAsync($"listings:creator:{creatorProfileId}", TimeSpan.FromSeconds(30), cancellationToken);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
