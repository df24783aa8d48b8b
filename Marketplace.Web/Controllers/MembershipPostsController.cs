using System.Security.Claims;
using Marketplace.Core.Listings;
using Marketplace.Core.Memberships.Posts;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// A creator's post on their storefront, <c>/c/{slug}/posts/{id}</c> (everyone sees the title; the body is for readers
/// the post admits, the others get "Join to read"; 404 for an unknown post or a shop not shown), and the signed-out
/// "no more post emails" link of post emails, <c>/memberships/post-emails/off?token=…</c>: a page with one button
/// (a link scanner's GET changes nothing), whose POST turns the emails off; an invalid or expired token is the same
/// page saying so (400).
/// </summary>
[AllowAnonymous]
public sealed class MembershipPostsController(Storefront storefront, MembershipPostReading reading, PostEmailOptOut optOut) : Controller
{
    /// <summary>The post page.</summary>
    [HttpGet("c/{slug}/posts/{postId:int}")]
    public async Task<IActionResult> Post(string slug, int postId, CancellationToken cancellationToken)
    {
        if (await storefront.ForSlugAsync(slug, cancellationToken) is not { } shop) return NotFound();
        var shown = await reading.FindAsync(shop.CreatorId, postId, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        return shown is null ? NotFound() : View(new MembershipPostPageViewModel(shop.Slug, shop.DisplayName, shown));
    }

    /// <summary>The opt-out page: the creator's name and a button; 400 with the message when the token is not valid.</summary>
    [HttpGet("memberships/post-emails/off")]
    public async Task<IActionResult> OptOut([FromQuery] string? token, CancellationToken cancellationToken)
    {
        var creator = await optOut.CreatorOfAsync(token, cancellationToken);
        if (creator is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new PostEmailOptOutViewModel(token, creator, Done: false));
    }

    /// <summary>Turns the membership's post emails off: the page saying so; 400 with the message when the token is not valid.</summary>
    [HttpPost("memberships/post-emails/off")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmOptOut([FromForm] string? token, CancellationToken cancellationToken)
    {
        var creator = await optOut.CreatorOfAsync(token, cancellationToken);
        if (creator is null || !await optOut.StopAsync(token, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(OptOut), new PostEmailOptOutViewModel(token, null, Done: false));
        }

        return View(nameof(OptOut), new PostEmailOptOutViewModel(token, creator, Done: true));
    }
}
