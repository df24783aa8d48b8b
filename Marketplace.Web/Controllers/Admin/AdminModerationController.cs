using System.Security.Claims;
using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Moderation;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>
/// Moderation for admins at <c>/admin/moderation</c>: shops (search, featured first in their order) and the latest
/// decisions (who, when, what, why); <c>/admin/moderation/shops/{id}</c> sets a shop's visibility, reason and featured
/// place, and each of its listings' visibility, reason and featured place (<see cref="AdminModeration"/>). A refused decision (no reason
/// to hide, a bad place) comes back as a message on the same page.
/// </summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/moderation")]
public sealed class AdminModerationController(ModerationQueries queries, AdminModeration moderation, IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>Shops whose name or slug contains <paramref name="q"/>, and the last 50 decisions.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        ViewData["Search"] = q;
        ViewData["Log"] = await queries.RecentLogAsync(50, cancellationToken);
        return View(await queries.ShopsAsync(q, cancellationToken));
    }

    /// <summary>One shop's moderation and its listings'; 404 for an unknown shop.</summary>
    [HttpGet("shops/{id:int}")]
    public async Task<IActionResult> Shop(int id, CancellationToken cancellationToken) =>
        await queries.ShopAsync(id, cancellationToken) is { } shop ? View(shop) : NotFound();

    /// <summary>Saves the shop's visibility, reason and featured place (empty: not featured), then back to its page.</summary>
    [HttpPost("shops/{id:int}")]
    public async Task<IActionResult> SetShop(int id, [FromForm] ModerationForm form, CancellationToken cancellationToken)
    {
        await SaveAsync(() => moderation.SetShopAsync(id, form.Visibility, form.Reason, form.FeaturedRank, Admin(), cancellationToken));
        return Redirect($"/admin/moderation/shops/{id}");
    }

    /// <summary>Saves a listing's visibility, reason and featured place (empty: not featured), then back to its shop's page.</summary>
    [HttpPost("listings/{listingId:int}")]
    public async Task<IActionResult> SetListing(int listingId, [FromForm] int shopId, [FromForm] ModerationForm form, CancellationToken cancellationToken)
    {
        await SaveAsync(() => moderation.SetListingAsync(listingId, form.Visibility, form.Reason, form.FeaturedRank, Admin(), cancellationToken));
        return Redirect($"/admin/moderation/shops/{shopId}");
    }

    private async Task SaveAsync(Func<Task<Core.Text.CoreMessage?>> save)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = text["The featured place is a number from 1 to {0}.", ModerationRules.MaxFeaturedRank].Value;
            return;
        }

        try
        {
            if (await save() is { } problem) TempData["Error"] = text.Say(problem);
            else TempData["Message"] = text["Saved. Visitors see the change at once."].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = text.Say(ex.Text);
        }
    }

    private ModeratorIdentity Admin() =>
        new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "");
}

/// <summary>A moderation decision as the admin's form posts it.</summary>
public sealed class ModerationForm
{
    public Visibility Visibility { get; set; }

    public string? Reason { get; set; }

    /// <summary>The featured place on the home page, 1 first; empty: not featured.</summary>
    public int? FeaturedRank { get; set; }
}
