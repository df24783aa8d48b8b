using System.Diagnostics;
using Marketplace.Core.Listings;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Controllers;

/// <summary>The landing page and the error pages.</summary>
public class HomeController : Controller
{
    /// <summary>
    /// The landing page with what is on sale (<see cref="ListingCatalogue"/>: newest and popular listings; the shops the admin featured), output-cached
    /// for visitors (<see cref="Caching.PageOutputCaching"/>), tagged <see cref="Caching.PageOutputCaching.ListingCatalogueTag"/>.
    /// </summary>
    [OutputCache(PolicyName = Caching.PageOutputCaching.AnonymousPage)]
    public async Task<IActionResult> Index([FromServices] ListingCatalogue catalogue, [FromServices] Core.Moderation.ModerationQueries moderation,
        CancellationToken cancellationToken)
    {
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(Caching.PageOutputCaching.ListingCatalogueTag);
        var view = await catalogue.ReadAsync(cancellationToken);
        return View(view with { FeaturedShops = await moderation.FeaturedShopsAsync(cancellationToken) });
    }

    /// <summary>Unhandled exceptions (outside Development) end here with a request id, never a stack trace.</summary>
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() =>
        View(new ErrorViewModel { RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier });

    /// <summary>
    /// Friendly page for 4xx answers (403, 404, …), re-executed by the status code pages middleware. The status is only
    /// ever the failed request's own (<see cref="IStatusCodeReExecuteFeature.OriginalStatusCode"/>), never a bound value:
    /// the re-executed request keeps its form and query, where <c>code=EVIL</c> would win over the route. Opened directly
    /// (no re-execution), the page is a 404.
    /// </summary>
    [Route("status/{code:int}")]
    public IActionResult StatusCodePage()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } reExecuted) return NotFound();
        Response.StatusCode = reExecuted.OriginalStatusCode;
        return View("StatusCode", reExecuted.OriginalStatusCode);
    }
}
