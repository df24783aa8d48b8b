using Marketplace.Core.Plans;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>The public plan comparison, <c>/pricing</c>.</summary>
[Route("pricing")]
public sealed class PricingController(PlanQueries plans) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new PlanCardsViewModel(await plans.ActivePlansAsync(cancellationToken), null));
}
