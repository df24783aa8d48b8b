using Microsoft.Extensions.Localization;
using Marketplace.Web.Localization;
using System.Globalization;
using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Marketplace.Core.Disputes;
using Marketplace.Core.Orders;
using Marketplace.Core.Refunds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Web.Models;
using Marketplace.Core.Paging;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>Buyers' orders for admins at <c>/admin/orders</c>, filtered by status, creator and date, with Stripe Dashboard links.</summary>
[Authorize(Policy = Roles.Admin)]
[Route("admin/orders")]
public sealed class AdminOrdersController(AdminOrderQueries orders, StripeDashboardLinks links, OrderRefunds refunds, IStringLocalizer<SharedResource> text,
    DisputeEvidence evidence) : Controller
{
    /// <summary>
    /// A page (25 rows). <paramref name="status"/> is <c>pending</c>, <c>paid</c> or <c>expired</c>; <paramref name="from"/>
    /// and <paramref name="to"/> are UTC days (<c>yyyy-MM-dd</c>, inclusive). A value that is not one of those is dropped with a message.
    /// Abandoned checkouts are listed only with <paramref name="abandoned"/> (or their status chosen).
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? creator, string? from, string? to, int? page, bool abandoned, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        OrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) wanted = parsed;
            else errors.Add(text["“{0}” is not an order status; showing every status.", status].Value);
        }

        var filter = new AdminOrderFilter(wanted, creator, Day(from, text["“{0}” is not a date (yyyy-MM-dd); the from filter is ignored.", from ?? ""], errors),
            Day(to, text["“{0}” is not a date (yyyy-MM-dd); the to filter is ignored.", to ?? ""], errors), abandoned);
        if (errors.Count > 0) ViewData["Error"] = string.Join(" ", errors);
        var found = await orders.SearchAsync(filter, page, cancellationToken: cancellationToken);
        var forms = new Dictionary<int, DisputeEvidenceFormModel>();
        foreach (var row in found.Items.Where(r => r.DisputeStatus is "needs_response" or "warning_needs_response"))
            forms[row.Id] = new DisputeEvidenceFormModel(row.Id, $"/admin/orders/{row.Id}/dispute-evidence", await evidence.AccessLogAsync(row.Id, cancellationToken),
                null, row.ListingTitle, row.DisputeEvidenceDueBy, OrderRefunds.NewRequestToken());
        return View(new AdminOrdersViewModel(found, filter, links, forms));
    }

    /// <summary>
    /// Refunds any order <paramref name="orderId"/> (<see cref="OrderRefunds"/>): the form's <paramref name="input"/>
    /// (amount in major units of the page's culture, empty: what is left; Stripe's reason; the form's token). Back to the
    /// orders page with the outcome as a message.
    /// </summary>
    [HttpPost("{orderId:int}/refund")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Refund(int orderId, [FromForm] RefundInput input, CancellationToken cancellationToken)
    {
        var result = await refunds.RefundAsync(input.ToCommand(orderId, null, CultureInfo.CurrentCulture), cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = text.Say(result.Message);
        return Redirect("/admin/orders");
    }

    /// <summary>
    /// Sends the evidence typed for the dispute of any order <paramref name="orderId"/> to Stripe (<see cref="Core.Disputes.DisputeEvidence"/>,
    /// <c>submit=true</c>); back to the orders page with the outcome as a message.
    /// </summary>
    [HttpPost("{orderId:int}/dispute-evidence")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SubmitEvidence(int orderId, [FromForm] DisputeEvidenceInput input, CancellationToken cancellationToken)
    {
        var result = await evidence.SubmitAsync(input.ToCommand(orderId, null), cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = text.Say(result.Message);
        return Redirect("/admin/orders");
    }

    private static DateOnly? Day(string? value, string refusal, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(refusal);
        return null;
    }
}

/// <summary>What the orders page shows: the page of rows, the filter in use, the Dashboard links.</summary>
public sealed record AdminOrdersViewModel(PagedList<AdminOrderRow> Page, AdminOrderFilter Filter, StripeDashboardLinks Links,
    IReadOnlyDictionary<int, DisputeEvidenceFormModel>? EvidenceForms = null);
