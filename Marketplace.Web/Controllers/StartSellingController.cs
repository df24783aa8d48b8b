using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Text;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// "Start selling" (<c>/start-selling</c>): a signed-in account without a shop (a buyer account) names its shop and
/// becomes a creator (<see cref="CreatorRegistration.OpenShopAsync"/>: role, profile, Free plan, welcome email), its
/// sign-in is refreshed so the creator pages open at once, and it goes on to the plans as a new creator does. An account
/// that has a shop goes to <c>/creator</c>. A bad name shows the same page with the message (400).
/// </summary>
[Authorize]
[Route("start-selling")]
public sealed class StartSellingController(CreatorRegistration registration, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn,
    MarketplaceDbContext db, IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The form: the shop's name.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await HasShopAsync(cancellationToken) ? Redirect("/creator") : View(new StartSellingForm());

    /// <summary>Opens the shop: 302 to the plans; the form with the error (400) for a bad name.</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Open([FromForm] StartSellingForm form, CancellationToken cancellationToken)
    {
        if (await HasShopAsync(cancellationToken)) return Redirect("/creator");
        if (ModelState.IsValid && TextRules.NameError(form.ShopName, "shop name") is { } badName) ModelState.AddModelError(nameof(form.ShopName), text.Say(badName));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), form);
        }

        var result = await registration.OpenShopAsync(users.GetUserId(User)!, form.ShopName.Trim(), cancellationToken);
        if (!result.Succeeded)
        {
            if (await HasShopAsync(cancellationToken)) return Redirect("/creator");
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), form);
        }

        await signIn.RefreshSignInAsync(result.User!);
        return Redirect("/creator/subscription/upgrade");
    }

    private Task<bool> HasShopAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        return db.CreatorProfiles.AnyAsync(c => c.UserId == userId, cancellationToken);
    }
}

/// <summary>The "Start selling" form.</summary>
public sealed class StartSellingForm
{
    [Required, StringLength(100, MinimumLength = 2)]
    [Display(Name = "Shop name")]
    public string ShopName { get; set; } = "";
}
