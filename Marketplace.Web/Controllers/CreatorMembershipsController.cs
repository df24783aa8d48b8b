using System.Globalization;
using Marketplace.Core.Accounts;
using Marketplace.Core.Memberships;
using Marketplace.Web.Creators;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's membership tiers, <c>/creator/memberships/…</c>: list, new, edit, archive. A tier past the
/// plan's <c>MaxMembershipTiers</c> is refused with HTTP 402 and nothing is stored; an invalid form is the same form
/// with the message (400). Another creator's tier id answers 404. Prices reach Stripe through the tier's price sync job.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/memberships")]
public sealed class CreatorMembershipsController(CurrentCreator currentCreator, CreatorMembershipTiers tiers,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The creator's tiers with their plan's limit.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var all = await tiers.ForCreatorAsync(creator.Id, cancellationToken);
        var caps = creator.Subscription?.Plan?.Capabilities;
        return View(new MembershipTiersPageViewModel(all, caps is null ? 0 : caps.MaxMembershipTiers));
    }

    /// <summary>The empty form.</summary>
    [HttpGet("new")]
    public IActionResult New() => View("Form", new MembershipTierFormViewModel(new MembershipTierFormModel(), null, null));

    /// <summary>Creates a tier: 303 to the list; the same form with the message (400) when invalid; 402 past the plan's limit.</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] MembershipTierFormModel form, CancellationToken cancellationToken)
    {
        var creatorId = (await currentCreator.GetAsync(cancellationToken)).Id;
        var result = await tiers.CreateAsync(creatorId, form.ToInput(CultureInfo.CurrentCulture), cancellationToken);
        switch (result.Outcome)
        {
            case MembershipTierOutcome.Done:
                TempData["Message"] = text["“{0}” is saved.", result.Tier!.Name].Value;
                return RedirectToAction(nameof(Index));
            case MembershipTierOutcome.LimitReached:
                Response.StatusCode = StatusCodes.Status402PaymentRequired;
                return View("LimitReached", result.Limit!);
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Form", new MembershipTierFormViewModel(form, null, text.SayOrNull(result.Error)));
        }
    }

    /// <summary>The form filled with the tier; 404 when it is not the creator's.</summary>
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var tier = await tiers.FindAsync((await currentCreator.GetAsync(cancellationToken)).Id, id, cancellationToken);
        return tier is null ? NotFound() : View("Form", new MembershipTierFormViewModel(MembershipTierFormModel.From(tier, CultureInfo.CurrentCulture), id, null));
    }

    /// <summary>Saves an edit: 303 to the list; the same form with the message (400) when invalid; 404 when not the creator's.</summary>
    [HttpPost("{id:int}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Update(int id, [FromForm] MembershipTierFormModel form, CancellationToken cancellationToken)
    {
        var creatorId = (await currentCreator.GetAsync(cancellationToken)).Id;
        var result = await tiers.UpdateAsync(creatorId, id, form.ToInput(CultureInfo.CurrentCulture), cancellationToken);
        switch (result.Outcome)
        {
            case MembershipTierOutcome.NotFound:
                return NotFound();
            case MembershipTierOutcome.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Form", new MembershipTierFormViewModel(form, id, text.SayOrNull(result.Error)));
            default:
                TempData["Message"] = text["“{0}” is saved.", result.Tier!.Name].Value;
                return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>Archives a tier (offered to nobody, no longer counted); 404 when not the creator's.</summary>
    [HttpPost("{id:int}/archive")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Archive(int id, CancellationToken cancellationToken)
    {
        var result = await tiers.ArchiveAsync((await currentCreator.GetAsync(cancellationToken)).Id, id, cancellationToken);
        if (result.Outcome == MembershipTierOutcome.NotFound) return NotFound();
        TempData["Message"] = text["“{0}” is archived.", result.Tier!.Name].Value;
        return RedirectToAction(nameof(Index));
    }
}
