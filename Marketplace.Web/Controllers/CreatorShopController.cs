using Marketplace.Core.Accounts;
using Marketplace.Core.Data;
using Marketplace.Core.Images;
using Marketplace.Core.Shops;
using Marketplace.Web.Configuration;
using Marketplace.Web.Creators;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's shop settings, <c>/creator/shop</c>: name, address (slug; old ones keep answering 301),
/// bio, links, contact email, refund policy, avatar and banner (<see cref="ShopSettings"/>; pictures through
/// <see cref="ImageRenditions"/>: sniffed, metadata dropped, three renditions). A wrong field or picture shows the same page with its
/// message (400). <c>/creator/shop/view</c> opens the shop and <c>POST /creator/shop/shared</c> (the Copy link button)
/// both tick the start checklist's "share your shop" step.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/shop")]
public sealed class CreatorShopController(CurrentCreator currentCreator, ShopSettings settings, MarketplaceDbContext db, TimeProvider clock,
    PublicUrls publicUrls, IStringLocalizer<SharedResource> text, ImageRenditions renditions, IImageStore imageStore) : Controller
{
    /// <summary>The settings form; <c>?saved=1</c> after a save.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? saved, CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        return View(new ShopPageViewModel(ShopFormModel.From(creator), ShopUrl(creator.Slug), new Dictionary<string, string>(), saved == 1)
            { Avatar = creator.Avatar, Banner = creator.Banner });
    }

    /// <summary>Saves the settings: back to the form with <c>?saved=1</c>, or the same form with each field's error (400).</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxFormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Save([FromForm] ShopFormModel form, CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var avatar = await ReadAsync(form.Avatar, form.AvatarAlt, form.RemoveAvatar, cancellationToken);
        var banner = avatar.Error is null ? await ReadAsync(form.Banner, form.BannerAlt, form.RemoveBanner, cancellationToken) : (null, null);
        var errors = new Dictionary<string, string>();
        if (avatar.Error is not null) errors[nameof(form.Avatar)] = text.Say(avatar.Error);
        if (banner.Error is not null) errors[nameof(form.Banner)] = text.Say(banner.Error);
        if (errors.Count == 0)
        {
            var result = await settings.SaveAsync(creator.Id, form.ToInput(new ShopPictures(avatar.Change!, banner.Change!)), cancellationToken);
            if (result.Succeeded) return Redirect("/creator/shop?saved=1");
            errors = result.Errors.ToDictionary(e => e.Key, e => text.Say(e.Value));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new ShopPageViewModel(form, ShopUrl(creator.Slug), errors, false) { Avatar = creator.Avatar, Banner = creator.Banner });
    }

    /// <summary>Largest form body the shop form accepts, in bytes (two pictures of 10 MB and the text).</summary>
    public const long MaxFormBytes = 25_000_000;

    // Reads an uploaded picture through the pipeline and stores its renditions (content-addressed: a refused form
    // leaves them to the orphan image sweep), or says why not.
    private async Task<(ShopPictureChange? Change, Core.Text.CoreMessage? Error)> ReadAsync(IFormFile? file, string? alt, bool remove, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 }) return (new ShopPictureChange(null, alt, remove), null);
        ImageUploadResult result;
        using (var stream = file.OpenReadStream()) result = renditions.Process(stream);
        if (result.Image is not { } image) return (null, Core.Text.CoreMessage.Of("{0}: {1}", Path.GetFileName(file.FileName), result.Error!));
        try
        {
            foreach (var rendition in new[] { image.Thumbnail, image.Card, image.Full }) await imageStore.SaveAsync(rendition.Key, rendition.Bytes, cancellationToken);
        }
        catch (Marketplace.Files.FileStoreUnavailableException)
        {
            return (null, "The picture storage is not answering right now, so nothing was saved: try again in a few minutes.");
        }

        var picture = new ShopPicture(image.Thumbnail.Key, image.Thumbnail.Width, image.Card.Key, image.Card.Width, image.Full.Key, image.Full.Width, image.Full.Height, null);
        return (new ShopPictureChange(picture, alt, false), null);
    }

    /// <summary>Opens the creator's own storefront (302 to <c>/c/{slug}</c>), noting the shop as shared the first time.</summary>
    [HttpGet("view")]
    public async Task<IActionResult> Open(CancellationToken cancellationToken)
    {
        var slug = await MarkSharedAsync(cancellationToken);
        return Redirect($"/c/{Uri.EscapeDataString(slug)}");
    }

    /// <summary>The Copy link button's note that the link was copied (204): ticks the checklist's share step.</summary>
    [HttpPost("shared")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Shared(CancellationToken cancellationToken)
    {
        await MarkSharedAsync(cancellationToken);
        return NoContent();
    }

    private async Task<string> MarkSharedAsync(CancellationToken cancellationToken)
    {
        var id = (await currentCreator.GetAsync(cancellationToken)).Id;
        var creator = await db.CreatorProfiles.SingleAsync(c => c.Id == id, cancellationToken);
        if (creator.ShopSharedAt is null)
        {
            creator.MarkShopShared(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return creator.Slug;
    }

    private string ShopUrl(string slug) => publicUrls.For(Request, $"/c/{Uri.EscapeDataString(slug)}");
}
