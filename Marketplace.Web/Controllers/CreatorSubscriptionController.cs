using System.Security.Claims;
using Marketplace.Core.Creators;
using Marketplace.Core.Plans;
using Marketplace.Core.Seeding;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>The signed-in creator's plan: <c>/creator/subscription/…</c>.</summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/subscription")]
public sealed class CreatorSubscriptionController(CreatorQueries creators, PlanQueries plans) : Controller
{
    /// <summary>The plans, with the creator's current one marked.</summary>
    [HttpGet("upgrade")]
    public async Task<IActionResult> Upgrade(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var creator = await creators.ProfileForUserAsync(userId, cancellationToken);
        if (creator is null) return Forbid();
        ViewData["Creator"] = creator;
        return View(new PlanCardsViewModel(await plans.ActivePlansAsync(cancellationToken), creator.Subscription?.PlanId));
    }
}
