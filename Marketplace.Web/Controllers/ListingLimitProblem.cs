using Marketplace.Core.Listings;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>The HTTP 402 answers to a listing past the plan's <c>MaxListings</c>: an HTML page or a ProblemDetails.</summary>
public static class ListingLimitProblem
{
    /// <summary>The ProblemDetails <c>type</c> of a listing limit reached.</summary>
    public const string Type = "/problems/listing-limit-reached";

    /// <summary>Where the creator upgrades.</summary>
    public const string UpgradeUrl = "/creator/subscription/upgrade";

    /// <summary>
    /// 402 with <c>type</c>, <c>title</c>, <c>detail</c> (in the request's language, <see cref="Message"/>) and the
    /// extensions <c>limit</c>, <c>usage</c>, <c>plan</c>, <c>upgradeUrl</c>.
    /// </summary>
    public static ObjectResult Json(ListingLimit limit, IStringLocalizer<SharedResource> text)
    {
        var problem = new ProblemDetails
        {
            Type = Type,
            Title = text["Listing limit reached"],
            Status = StatusCodes.Status402PaymentRequired,
            Detail = Message(limit, text),
        };
        problem.Extensions["limit"] = limit.Limit;
        problem.Extensions["usage"] = limit.Usage;
        problem.Extensions["plan"] = limit.PlanName;
        problem.Extensions["upgradeUrl"] = UpgradeUrl;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status402PaymentRequired, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>"Your Bronze plan allows 10 listings — upgrade" in the request's language.</summary>
    public static string Message(ListingLimit limit, IStringLocalizer<SharedResource> text) =>
        limit.Limit == 1 ? text["Your {0} plan allows 1 listing — upgrade", limit.PlanName] : text["Your {0} plan allows {1} listings — upgrade", limit.PlanName, limit.Limit];

    /// <summary>True when the request asks for JSON (<c>Accept: application/json</c>).</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value is "application/json" or "application/problem+json");
}
