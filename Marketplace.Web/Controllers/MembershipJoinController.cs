using System.Globalization;
using System.Security.Claims;
using Marketplace.Core.Listings;
using Marketplace.Core.Memberships;
using Marketplace.Core.Orders;
using Marketplace.Web.Configuration;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// Join on a shop's tier, <c>POST /c/{slug}/memberships/{tierId}/join</c>. Joining needs an account (a membership is
/// managed at <c>/memberships</c>): a visitor is sent to sign in (or register) and back to the shop. A signed-in user's
/// form carries an antiforgery token (400 without: the storefront is output-cached for visitors only, as Buy). 303 to
/// Stripe Checkout; 303 to <c>/memberships</c> for a user already a member of the shop; a page with the reason when the
/// shop cannot take payments (409), the tier is full (409) or is the user's own (403); 404 for a tier not offered.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class MembershipJoinController(Storefront storefront, MembershipJoin join, PublicUrls publicUrls, IAntiforgery antiforgery,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>Join: see the class.</summary>
    [HttpPost("c/{slug}/memberships/{tierId:int}/join")]
    public async Task<IActionResult> Join(string slug, int tierId, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
            return Redirect($"/Identity/Account/Login?ReturnUrl={Uri.EscapeDataString($"/c/{slug}")}");
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        if (await storefront.ForSlugAsync(slug, cancellationToken) is not { } shop) return NotFound();
        var result = await join.JoinAsync(shop.CreatorId, tierId, User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            User.FindFirstValue(ClaimTypes.Email) ?? User.Identity.Name, publicUrls.For(Request, "/memberships?joined=1"),
            publicUrls.For(Request, $"/c/{Uri.EscapeDataString(shop.Slug)}"), CheckoutLocales.ForUiCulture(CultureInfo.CurrentUICulture), cancellationToken);
        switch (result.Outcome)
        {
            case JoinOutcome.RedirectToCheckout:
                Response.Headers.Location = result.CheckoutUrl;
                return StatusCode(StatusCodes.Status303SeeOther);
            case JoinOutcome.AlreadyMember:
                Response.Headers.Location = "/memberships";
                return StatusCode(StatusCodes.Status303SeeOther);
            case JoinOutcome.NotFound:
                return NotFound();
        }

        Response.StatusCode = result.Outcome == JoinOutcome.OwnTier ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        var message = result.Outcome switch
        {
            JoinOutcome.OwnTier => text["This is your own tier: your members see a Join button here."],
            JoinOutcome.Full => text["This tier is full."],
            _ => text["This shop cannot take payments right now. Please try again later."],
        };
        return View("~/Views/Memberships/JoinRefused.cshtml", (shop.Slug, message.Value));
    }
}
