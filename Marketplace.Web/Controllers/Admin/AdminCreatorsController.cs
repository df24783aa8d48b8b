using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Marketplace.Core.Connect;
using Marketplace.Core.Payouts;
using Marketplace.Web.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>
/// Creators for admins at <c>/admin/creators</c>: search, the payment guard's answer per creator, suspend and
/// reactivate, pause (with a reason the creator sees) and resume payouts.
/// </summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/creators")]
public sealed class AdminCreatorsController(AdminCreatorQueries creators, CreatorModeration moderation, PayoutControl payouts,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>A page (25 rows) of creators whose name, slug or email contains <paramref name="q"/>.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        ViewData["Search"] = q;
        return View(await creators.SearchAsync(q, page, cancellationToken: cancellationToken));
    }

    /// <summary>Suspends the creator: their payment guard fails from their next request.</summary>
    [HttpPost("{id:int}/suspend")]
    public Task<IActionResult> Suspend(int id, string? q, int? page, CancellationToken cancellationToken) =>
        ChangeAsync(() => moderation.SuspendAsync(id, cancellationToken), "suspended: the payment guard now fails for them", q, page);

    /// <summary>Reactivates a suspended creator.</summary>
    [HttpPost("{id:int}/reactivate")]
    public Task<IActionResult> Reactivate(int id, string? q, int? page, CancellationToken cancellationToken) =>
        ChangeAsync(() => moderation.ReactivateAsync(id, cancellationToken), "reactivated", q, page);

    /// <summary>Pauses the creator's payouts on Stripe (<c>interval=manual</c>) for <paramref name="reason"/>, which the creator sees on their sales page.</summary>
    [HttpPost("{id:int}/payouts/pause")]
    [OnStripeFailure("/admin/creators")]
    public Task<IActionResult> PausePayouts(int id, string? reason, string? q, int? page, CancellationToken cancellationToken) =>
        ChangeAsync(() => payouts.PauseAsync(id, reason, cancellationToken), "{0}'s payouts are paused.", q, page);

    /// <summary>Resumes the creator's payouts: the platform's schedule again (still held while they are a new creator).</summary>
    [HttpPost("{id:int}/payouts/resume")]
    [OnStripeFailure("/admin/creators")]
    public Task<IActionResult> ResumePayouts(int id, string? q, int? page, CancellationToken cancellationToken) =>
        ChangeAsync(() => payouts.ResumeAsync(id, cancellationToken), "{0}'s payouts are resumed.", q, page);

    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, string what, string? q, int? page)
    {
        try
        {
            var name = await change();
            TempData["Message"] = text[what switch
            {
                "suspended: the payment guard now fails for them" => "{0} suspended: the payment guard now fails for them.",
                "reactivated" => "{0} reactivated.",
                _ => what,
            }, name].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = text.Say(ex.Text);
        }

        // Built by hand: "page" is an ambient route value of Razor Pages, so RedirectToAction with it produces no attribute route.
        var back = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(q)) back["q"] = q;
        if (page is > 1) back["page"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Redirect(QueryHelpers.AddQueryString(Url.Action(nameof(Index))!, back));
    }
}
