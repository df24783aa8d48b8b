using Microsoft.Extensions.Localization;
using Marketplace.Web.Localization;
using System.Security.Claims;
using Marketplace.Core.Listings;
using Marketplace.Core.Orders;
using Marketplace.Web.Caching;
using Marketplace.Web.Configuration;
using Marketplace.Web.Models;
using Marketplace.Web.Orders;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The public storefront of a creator: <c>/c/{slug}</c>, a listing's page <c>/c/{slug}/{listingId}</c> and its Buy
/// button. 404 for an unknown, banned or deactivated creator, and for a listing that is not visible in that shop; a slug
/// the shop gave up (<see cref="Core.Shops.FormerSlug"/>) answers 301 to the same page at its current address.
/// Anyone may buy, with or without an account (rate limited per client address without one).
/// The storefront is output-cached for visitors (<see cref="PageOutputCaching.Storefront"/>), tagged with its creator so
/// a save that changes it evicts it (<see cref="StorefrontCacheEviction"/>); the buyer key cookie is set by that policy.
/// A visitor's Buy carries no antiforgery token (a token would tie the page to one visitor's cookie and keep it out of
/// the cache); a signed-in buyer's does, and Buy refuses it without (400), as the culture switch does.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StorefrontController(Storefront storefront, Core.Memberships.Posts.MembershipPostReading posts, Core.Shops.ShopSettings shops, ListingPurchase purchase, PublicUrls publicUrls, IAntiforgery antiforgery, IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The creator's oldest active listings up to their plan's limit, each with its price and Buy; their tiers and posts (a visitor reads the public ones only, so the cached page is the same for every visitor).</summary>
    [HttpGet("c/{slug}")]
    [OutputCache(PolicyName = PageOutputCaching.Storefront)]
    public async Task<IActionResult> Index(string slug, CancellationToken cancellationToken)
    {
        if (await storefront.ForSlugAsync(slug, cancellationToken) is not { } view) return await FormerSlugAsync(slug, Request.QueryString.ToString(), cancellationToken);
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(PageOutputCaching.StorefrontTagOf(view.CreatorId));
        ViewData["Posts"] = await posts.ForCreatorAsync(view.CreatorId, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        return View(view);
    }

    /// <summary>A listing's title, description, price and Buy; <c>?checkout=cancelled</c> says Checkout was left.</summary>
    [HttpGet("c/{slug}/{listingId:int}")]
    public async Task<IActionResult> Listing(string slug, int listingId, [FromQuery] string? checkout, CancellationToken cancellationToken)
    {
        if (await storefront.ListingAsync(slug, listingId, cancellationToken) is not { } shown)
            return await FormerSlugAsync(slug, "/" + listingId.ToString(System.Globalization.CultureInfo.InvariantCulture) + Request.QueryString, cancellationToken);
        BuyerKey.GetOrCreate(HttpContext);
        return View(new ListingPageViewModel(shown, IsOwner(shown), null,
            checkout == "cancelled" ? "Checkout was cancelled: you have not been charged." : null));
    }

    /// <summary>
    /// Buy: 303 to Stripe Checkout (a new order, or this browser's pending one); the listing page with the reason when
    /// the shop cannot take payments (409), the buyer owns the shop (403) or Stripe refused or failed (502/503); 404 when
    /// the listing is not visible; 400 for a signed-in buyer without the form's antiforgery token.
    /// </summary>
    [HttpPost("c/{slug}/{listingId:int}/buy")]
    [EnableRateLimiting(BuyRateLimiting.Policy)]
    public async Task<IActionResult> Buy(string slug, int listingId, CancellationToken cancellationToken)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && !await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        var request = new BuyRequest(slug, listingId, BuyerKey.GetOrCreate(HttpContext),
            signedIn ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            signedIn ? User.FindFirstValue(ClaimTypes.Email) ?? User.Identity!.Name : null,
            PreferredLanguages(),
            token => publicUrls.For(Request, $"/orders/{token}/checkout/success?session_id={{CHECKOUT_SESSION_ID}}"),
            publicUrls.For(Request, $"/c/{Uri.EscapeDataString(slug)}/{listingId}?checkout=cancelled"),
            key => publicUrls.PublicHttpsFor($"/images/{key}"));
        var result = await purchase.BuyAsync(request, cancellationToken);
        if (result.Outcome == BuyOutcome.RedirectToCheckout)
        {
            Response.Headers.Location = result.CheckoutUrl;
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        if (result.Outcome == BuyOutcome.NotFound) return NotFound();
        var shown = await storefront.ListingAsync(slug, listingId, cancellationToken);
        if (shown is null) return NotFound();
        Response.StatusCode = result.Outcome switch
        {
            BuyOutcome.OwnListing => StatusCodes.Status403Forbidden,
            BuyOutcome.ShopCannotTakePayments => StatusCodes.Status409Conflict,
            BuyOutcome.StripeRefused => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        return View(nameof(Listing), new ListingPageViewModel(shown, IsOwner(shown), text.SayOrNull(result.Message), null));
    }

    /// <summary>A slug the shop gave up: 301 to the same page at the shop's current address (<paramref name="rest"/> after the slug); else 404.</summary>
    private async Task<IActionResult> FormerSlugAsync(string slug, string rest, CancellationToken cancellationToken) =>
        await shops.CurrentSlugOfAsync(slug, cancellationToken) is { } current
            ? RedirectPermanent($"/c/{Uri.EscapeDataString(current)}{rest}")
            : NotFound();

    private bool IsOwner(StorefrontListing shown) => User.FindFirstValue(ClaimTypes.NameIdentifier) == shown.CreatorUserId;

    /// <summary>
    /// The buyer's languages, best first: the language they chose with the footer's switch (the culture cookie), then
    /// <c>Accept-Language</c>, then the page's language.
    /// </summary>
    private List<string> PreferredLanguages()
    {
        var chosen = HttpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>();
        var page = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var header = Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value ?? "").Where(v => v.Length > 0);
        return chosen?.Provider is Microsoft.AspNetCore.Localization.CookieRequestCultureProvider ? [page, .. header] : [.. header, page];
    }
}
