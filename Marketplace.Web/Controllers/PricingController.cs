using Marketplace.Core.Plans;
using Marketplace.Web.Caching;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Controllers;

/// <summary>The public plan comparison, <c>/pricing</c>: the cached catalogue, output-cached for visitors (<see cref="PageOutputCaching"/>).</summary>
[Route("pricing")]
public sealed class PricingController(PlanCatalogCache plans) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PageOutputCaching.AnonymousPage)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new PlanCardsViewModel(await plans.ActivePlansAsync(cancellationToken), null));
}
