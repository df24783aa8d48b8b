using System.Globalization;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Localization;
using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Disputes;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;
using Marketplace.Core.Refunds;
using Marketplace.Web.Creators;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's sales, <c>/creator/sales</c>: each order with the platform's fee and what the creator keeps,
/// paid totals per currency (this month, last month, all time), paging, the CSV export, the Connect account's balance
/// (cached <see cref="ConnectBalanceQuery.CacheDuration"/>; "balance unavailable" when Stripe cannot answer) and the
/// payouts to the bank. Only the signed-in creator's orders, never an id from the request.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/sales")]
public sealed class CreatorSalesController(CurrentCreator currentCreator, CreatorSales sales, ExpressDashboard dashboard, PayoutQueries payouts,
    ConnectBalanceQuery balances, OrderRefunds refunds, StripeDashboardLinks links, IStringLocalizer<SharedResource> text, TimeProvider clock, DisputeEvidence evidence,
    Microsoft.Extensions.Options.IOptions<PayoutOptions> payoutOptions, PayoutControl payoutControl) : Controller
{
    /// <summary>The sales page (<paramref name="page"/> 1-based); abandoned checkouts only with <paramref name="abandoned"/> (<c>?abandoned=true</c>).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? page, [FromQuery] bool abandoned, CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var creatorId = creator.Id;
        ViewData["ShowAbandoned"] = abandoned;
        var disputes = await sales.OpenDisputesAsync(creatorId, cancellationToken);
        var forms = new Dictionary<int, DisputeEvidenceFormModel>();
        foreach (var order in disputes.Where(o => o.DisputeStatus is "needs_response" or "warning_needs_response"))
            forms[order.Id] = new DisputeEvidenceFormModel(order.Id, $"/creator/sales/{order.Id}/dispute-evidence", await evidence.AccessLogAsync(order.Id, cancellationToken),
                creator.RefundPolicy, order.ListingTitle, order.DisputeEvidenceDueBy, OrderRefunds.NewRequestToken());
        return View(new SalesPageViewModel(await sales.PageAsync(creatorId, page, cancellationToken, abandoned),
            await sales.TotalsAsync(creatorId, cancellationToken), await dashboard.IsAvailableAsync(creatorId, cancellationToken),
            await balances.ForCreatorAsync(creatorId, cancellationToken), await payouts.LatestAsync(creatorId, cancellationToken),
            disputes, links, forms) { PayoutOutlook = PayoutOutlook.For(creator.StripeAccount, payoutOptions.Value,
                await payoutControl.PlatformScheduleAsync(cancellationToken), clock.GetUtcNow().UtcDateTime) });
    }

    /// <summary>
    /// Refunds the creator's own order <paramref name="orderId"/> (<see cref="OrderRefunds"/>): the form's <paramref name="input"/>
    /// (amount in major units of the page's culture, empty: what is left; Stripe's reason; the form's token).
    /// Back to the sales page with the outcome; a refusal is a message, never an error page.
    /// </summary>
    [HttpPost("{orderId:int}/refund")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Refund(int orderId, [FromForm] RefundInput input, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var result = await refunds.RefundAsync(input.ToCommand(orderId, creatorId, CultureInfo.CurrentCulture), cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = text.Say(result.Message);
        return Redirect("/creator/sales");
    }

    /// <summary>
    /// Sends the evidence typed for the dispute of the creator's own order <paramref name="orderId"/> to Stripe
    /// (<see cref="Core.Disputes.DisputeEvidence"/>, <c>submit=true</c>); back to the sales page with the outcome as a message.
    /// </summary>
    [HttpPost("{orderId:int}/dispute-evidence")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SubmitEvidence(int orderId, [FromForm] DisputeEvidenceInput input, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var result = await evidence.SubmitAsync(input.ToCommand(orderId, creatorId), cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = text.Say(result.Message);
        return Redirect("/creator/sales");
    }

    /// <summary>
    /// Every sale as CSV (<c>text/csv</c>, UTF-8), oldest first, formula-injection safe (<see cref="SalesCsv"/>); abandoned
    /// checkouts only with <paramref name="abandoned"/> (<c>?abandoned=true</c>).
    /// </summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export([FromQuery] bool abandoned, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"sales-{clock.GetUtcNow():yyyyMMdd}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(Response.Body, SalesCsv.Encoding, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(SalesCsv.Line(SalesCsv.Header));
        await foreach (var order in sales.AllAsync(creatorId, abandoned).WithCancellation(cancellationToken))
            await writer.WriteLineAsync(SalesCsv.Line(SalesCsv.Row(order)));
        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    private async Task<int> CreatorIdAsync(CancellationToken cancellationToken) => (await currentCreator.GetAsync(cancellationToken)).Id;
}
