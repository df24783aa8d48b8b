using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>Creators for admins at <c>/admin/creators</c>: search, the payment guard's answer per creator, suspend and reactivate.</summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/creators")]
public sealed class AdminCreatorsController(AdminCreatorQueries creators, CreatorModeration moderation, IStringLocalizer<SharedResource> text) : Controller
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

    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, string what, string? q, int? page)
    {
        try
        {
            var name = await change();
            TempData["Message"] = text[what.StartsWith("suspended", StringComparison.Ordinal) ? "{0} suspended: the payment guard now fails for them." : "{0} reactivated.", name].Value;
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
