using System.Security.Claims;
using Marketplace.Core.Deliveries;
using Marketplace.Core.Orders;
using Microsoft.Extensions.Options;
using Marketplace.Web.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The buyer's side of an order: its page <c>/orders/{token}</c> (anyone holding the link: the token is the secret),
/// Checkout's success URL, and a signed-in buyer's <c>/purchases</c>. Order pages are never cached, never indexed and
/// send no referrer (their URL is the secret).
/// </summary>
public sealed class OrdersController(OrderQueries orders, OrderCheckoutCompletion completion, OrderDownloads downloads,
    IOptions<DeliveryOptions> deliveryOptions, IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>What was bought, from which shop, amount, date, status, the receipt and, once paid, the delivery note and the files (fresh expiring links); 404 for an unknown token.</summary>
    [AllowAnonymous]
    [HttpGet("orders/{token}")]
    public async Task<IActionResult> Details(string token, CancellationToken cancellationToken)
    {
        Private();
        if (await orders.ForTokenAsync(token, cancellationToken) is not { } view) return NotFound();
        await DownloadsAsync([view.Order], cancellationToken);
        return View(view);
    }

    /// <summary>Stripe Checkout's <c>success_url</c>: verifies the session is this order's and paid, applies it, then 303 to the order page.</summary>
    [AllowAnonymous]
    [HttpGet("orders/{token}/checkout/success")]
    [OnStripeFailure("/orders/{token}", Level = "Info", Message = "Your payment is being confirmed; this page will show it as soon as Stripe tells us.")]
    public async Task<IActionResult> Success(string token, [FromQuery(Name = "session_id")] string? sessionId, CancellationToken cancellationToken)
    {
        Private();
        var result = await completion.CompleteAsync(token, sessionId, cancellationToken);
        if (!result.Found) return NotFound();
        TempData[result.Paid ? "Message" : "Info"] = text.Say(result.Message);
        return RedirectSeeOther($"/orders/{token}");
    }

    /// <summary>The signed-in buyer's orders, newest first.</summary>
    [Authorize]
    [HttpGet("purchases")]
    public async Task<IActionResult> Purchases(CancellationToken cancellationToken)
    {
        Private();
        var purchases = await orders.PurchasesAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        await DownloadsAsync([.. purchases.Select(p => p.Order)], cancellationToken);
        return View(purchases);
    }

    /// <summary>The orders' files with fresh download links (Paid or Partially refunded orders only), for the views.</summary>
    private async Task DownloadsAsync(IReadOnlyList<Order> paid, CancellationToken cancellationToken)
    {
        ViewData["Downloads"] = await downloads.ForOrdersAsync(paid, cancellationToken);
        ViewData["DownloadLinkMinutes"] = deliveryOptions.Value.DownloadLinkMinutes;
    }

    private IActionResult RedirectSeeOther(string path)
    {
        Response.Headers.Location = path;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>No caching anywhere, no search engine, no referrer: the URL carries the order's token.</summary>
    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
