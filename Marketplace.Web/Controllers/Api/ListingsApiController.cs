using System.Globalization;
using Marketplace.Core.Listings;
using Marketplace.Web.Models;
using Marketplace.Web.Creators;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Api;

/// <summary>
/// <c>POST /api/listings</c> (JSON only, which a cross-site form cannot send: no antiforgery token needed): creates a
/// listing for the signed-in creator. 201 with the listing; 400 ValidationProblem; 402 ProblemDetails (<c>type</c>,
/// <c>limit</c>, <c>usage</c>) past the plan's <c>MaxListings</c>, nothing stored.
/// </summary>
[ApiController]
[CreatorApi]
[Route("api/listings")]
public sealed class ListingsApiController(CurrentCreator currentCreator, CreatorListings listings, IStringLocalizer<SharedResource> text) : ControllerBase
{
    /// <summary>
    /// Body: <c>{"title","description","price":"19.99","currency":"eur"}</c> (price in major units, a dot for decimals
    /// whatever the client's language); a refused price or currency is a 400 ValidationProblem saying why.
    /// </summary>
    [HttpPost("")]
    [Consumes("application/json")]
    public async Task<IActionResult> Create([FromBody] ListingFormModel body, CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var result = await listings.CreateAsync(creator.Id, body.ToInput(CultureInfo.InvariantCulture), cancellationToken);
        return result.Outcome switch
        {
            ListingOutcome.Done => Created($"/creator/listings/{result.Listing!.Id}/edit", new
            {
                id = result.Listing.Id,
                title = result.Listing.Title,
                description = result.Listing.Description,
                priceMinor = result.Listing.PriceMinor,
                currency = result.Listing.Currency,
                active = result.Listing.IsActive,
            }),
            ListingOutcome.LimitReached => ListingLimitProblem.Json(result.Limit!, text),
            _ => ValidationProblem(text.Say(result.Error!)),
        };
    }
}
