using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Marketplace.Core.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Marketplace.Core.Paging;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>The webhook inbox for admins at <c>/admin/webhooks</c>: filters, counts of the last 24 h, a row's detail, "Process again".</summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/webhooks")]
public sealed class AdminWebhooksController(AdminWebhookQueries inbox, WebhookReprocessing reprocessing, StripeDashboardLinks links,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>A page (25 rows, newest first) filtered by endpoint (<c>billing</c>, <c>connect</c>), event type and status.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? endpoint, string? type, string? status, int? page, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var filter = new WebhookFilter(Parse<WebhookEndpointKind>(endpoint, text["“{0}” is not a known endpoint; that filter is off.", endpoint ?? ""], errors), type,
            Parse<WebhookEventStatus>(status, text["“{0}” is not a known status; that filter is off.", status ?? ""], errors));
        var model = new AdminWebhooksViewModel(
            await inbox.SearchAsync(filter, page, cancellationToken: cancellationToken),
            await inbox.CountsByStatusAsync(24, cancellationToken),
            await inbox.TypesAsync(cancellationToken),
            filter,
            errors);
        return View(model);
    }

    /// <summary>One event: the payload indented (HTML-encoded by the page), attempts, last error, Hangfire job id.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Details(long id, CancellationToken cancellationToken)
    {
        var row = await inbox.FindAsync(id, cancellationToken);
        if (row is null) return NotFound();
        return View(new AdminWebhookDetailsViewModel(row, AdminWebhookQueries.PrettyPayload(row.Payload), links.Event(row.StripeEventId)));
    }

    /// <summary>"Process again": a Failed or Ignored event back to the queue; back to its detail page with the outcome.</summary>
    [HttpPost("{id:long}/process-again")]
    public async Task<IActionResult> ProcessAgain(long id, CancellationToken cancellationToken)
    {
        try
        {
            var jobId = await reprocessing.ProcessAgainAsync(id, cancellationToken);
            TempData["Message"] = text["Queued again as Hangfire job {0}; refresh to see the outcome.", jobId].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = text.Say(ex.Text);
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private static T? Parse<T>(string? value, string refusal, List<string> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        errors.Add(refusal);
        return null;
    }
}

/// <summary>What the inbox page shows.</summary>
public sealed record AdminWebhooksViewModel(
    PagedList<AdminWebhookRow> Page,
    IReadOnlyList<WebhookStatusCount> Last24Hours,
    IReadOnlyList<string> Types,
    WebhookFilter Filter,
    IReadOnlyList<string> Errors);

/// <summary>One inbox row with its payload indented and its Stripe Dashboard link.</summary>
public sealed record AdminWebhookDetailsViewModel(StripeWebhookEvent Event, string PrettyPayload, string? DashboardUrl);
