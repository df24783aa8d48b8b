using Marketplace.Core.Accounts;
using Marketplace.Core.CreatorHome;
using Marketplace.Core.Data;
using Marketplace.Core.Payouts;
using Marketplace.Web.Creators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The creator's home, <c>/creator</c>: the start checklist until every step is done (<see cref="StartChecklist"/>), then
/// the last 30 days (paid orders and net per day per currency, as a chart and a table), top listings, open disputes, and
/// the Stripe balance and next payout read from Stripe (cached briefly; "unavailable" when Stripe cannot answer).
/// <c>POST /creator/keep-free</c> ticks the plan step for a creator who stays on Free.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator")]
public sealed class CreatorHomeController(CurrentCreator currentCreator, CreatorHomeQueries home, ConnectBalanceQuery money, MarketplaceDbContext db, TimeProvider clock) : Controller
{
    /// <summary>The creator's home page.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var view = await home.ReadAsync(creator.Id, cancellationToken);
        return View(view with { Money = await money.MoneyForCreatorAsync(creator.Id, cancellationToken) });
    }

    /// <summary>The checklist's "Keep Free": notes the choice, back to <c>/creator</c>.</summary>
    [HttpPost("keep-free")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> KeepFree(CancellationToken cancellationToken)
    {
        var id = (await currentCreator.GetAsync(cancellationToken)).Id;
        var creator = await db.CreatorProfiles.SingleAsync(c => c.Id == id, cancellationToken);
        creator.MarkFreePlanKept(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/creator");
    }
}
