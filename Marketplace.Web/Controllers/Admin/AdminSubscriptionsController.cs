using Marketplace.Core.Accounts;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Marketplace.Core.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Core.Paging;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>Creator subscriptions for admins at <c>/admin/subscriptions</c>, filtered by status and plan, with Stripe Dashboard links.</summary>
[Authorize(Policy = Roles.Admin)]
[Route("admin/subscriptions")]
public sealed class AdminSubscriptionsController(AdminSubscriptionQueries subscriptions, StripeDashboardLinks links, IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>A page (25 rows); an unknown status is answered with the page unfiltered by status and a message.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? plan, int? page, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(status) && !SubscriptionStatusFilter.Values.Contains(status))
        {
            ViewData["Error"] = text["“{0}” is not a subscription status; showing every status.", status].Value;
            status = null;
        }

        var model = new AdminSubscriptionsViewModel(
            await subscriptions.SearchAsync(status, plan, page, cancellationToken: cancellationToken),
            await subscriptions.PlansAsync(cancellationToken), status, plan, links);
        return View(model);
    }
}

/// <summary>What the subscriptions page shows: the page of rows, the filter choices and values, the Dashboard links.</summary>
public sealed record AdminSubscriptionsViewModel(
    PagedList<AdminSubscriptionRow> Page,
    IReadOnlyList<(string Code, string Name)> Plans,
    string? Status,
    string? Plan,
    StripeDashboardLinks Links);
