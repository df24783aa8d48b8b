using Marketplace.Core.Accounts;
using Marketplace.Core.Memberships;
using Marketplace.Core.Memberships.Posts;
using Marketplace.Web.Creators;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's posts, <c>/creator/memberships/posts/…</c>: list, publish, edit, delete. An invalid form is
/// the same form with the message (400); another creator's post id answers 404. Publishing enqueues the members' emails.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/memberships/posts")]
public sealed class CreatorMembershipPostsController(CurrentCreator currentCreator, CreatorMembershipPosts posts, CreatorMembershipTiers tiers,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The creator's posts, newest first.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await posts.ForCreatorAsync((await currentCreator.GetAsync(cancellationToken)).Id, cancellationToken));

    /// <summary>The empty form.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await FormAsync(new MembershipPostFormModel(), null, null, cancellationToken));

    /// <summary>Publishes a post: 303 to the list; the same form with the message (400) when invalid.</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] MembershipPostFormModel form, CancellationToken cancellationToken)
    {
        var result = await posts.PublishAsync((await currentCreator.GetAsync(cancellationToken)).Id, form.ToInput(), cancellationToken);
        if (result.Outcome == MembershipPostOutcome.Done)
        {
            TempData["Message"] = text["“{0}” is published.", result.Post!.Title].Value;
            return RedirectToAction(nameof(Index));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", await FormAsync(form, null, text.SayOrNull(result.Error), cancellationToken));
    }

    /// <summary>The form filled with the post; 404 when it is not the creator's.</summary>
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var post = await posts.FindAsync((await currentCreator.GetAsync(cancellationToken)).Id, id, cancellationToken);
        return post is null ? NotFound() : View("Form", await FormAsync(MembershipPostFormModel.From(post), id, null, cancellationToken));
    }

    /// <summary>Saves an edit (no email): 303 to the list; the same form with the message (400) when invalid; 404 when not the creator's.</summary>
    [HttpPost("{id:int}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Update(int id, [FromForm] MembershipPostFormModel form, CancellationToken cancellationToken)
    {
        var result = await posts.UpdateAsync((await currentCreator.GetAsync(cancellationToken)).Id, id, form.ToInput(), cancellationToken);
        switch (result.Outcome)
        {
            case MembershipPostOutcome.NotFound:
                return NotFound();
            case MembershipPostOutcome.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Form", await FormAsync(form, id, text.SayOrNull(result.Error), cancellationToken));
            default:
                TempData["Message"] = text["“{0}” is saved.", result.Post!.Title].Value;
                return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>Deletes a post; 404 when not the creator's.</summary>
    [HttpPost("{id:int}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await posts.DeleteAsync((await currentCreator.GetAsync(cancellationToken)).Id, id, cancellationToken);
        if (result.Outcome == MembershipPostOutcome.NotFound) return NotFound();
        TempData["Message"] = text["“{0}” is deleted.", result.Post!.Title].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<MembershipPostFormViewModel> FormAsync(MembershipPostFormModel form, int? id, string? error, CancellationToken cancellationToken) =>
        new(form, id, await tiers.ForCreatorAsync((await currentCreator.GetAsync(cancellationToken)).Id, cancellationToken), error);
}
