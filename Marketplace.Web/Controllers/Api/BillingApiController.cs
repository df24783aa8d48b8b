using Marketplace.Core.Subscriptions;
using Marketplace.Web.Creators;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Api;

/// <summary><c>GET /api/billing/me</c>: the signed-in creator's subscription, limits and usage as JSON (the subscription page's data).</summary>
[ApiController]
[CreatorApi]
[Route("api/billing")]
public sealed class BillingApiController(CurrentCreator currentCreator, BillingOverviewQuery overviews, IStringLocalizer<SharedResource> text) : ControllerBase
{
    /// <summary>
    /// <c>plan</c> (code), <c>planName</c>, <c>interval</c> (<c>month</c>/<c>year</c>, null on Free), <c>status</c>
    /// (Stripe's word), <c>currentPeriodEnd</c> and <c>trialEnd</c> (ISO 8601 UTC or null), <c>cancelAtPeriodEnd</c>,
    /// <c>limits</c> (<c>listings</c>: null = unlimited, <c>commissionRateBps</c>, taken on each sale)
    /// and <c>usage</c> (<c>listings</c>: active ones). 401/403 ProblemDetails for non-creators.
    /// </summary>
    [HttpGet("me")]
    public async Task<IActionResult> Me(CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var o = await overviews.ForCreatorAsync(creator.Id, cancellationToken);
        if (o is null) return Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["No subscription."]);
        return Ok(new
        {
            plan = o.PlanCode,
            planName = o.PlanName,
            interval = o.Interval,
            status = o.StripeStatus,
            currentPeriodEnd = o.CurrentPeriodEnd,
            cancelAtPeriodEnd = o.CancelAtPeriodEnd,
            trialEnd = o.TrialEnd,
            limits = new
            {
                listings = o.Capabilities.MaxListings,
                commissionRateBps = o.Capabilities.CommissionRateBps,
            },
            usage = new { listings = o.ActiveListings },
        });
    }
}
