using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;
using Marketplace.Core.Buyers;
using Marketplace.Core.Deliveries;
using Marketplace.Web.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Controllers;

/// <summary>
/// "Find my orders" for visitors who bought without an account: <c>/orders/find</c> takes an email address and always
/// answers the same page (whether or not the address has orders, or its hourly email limit is reached); when it has paid
/// orders it is mailed a one-time link (<see cref="OrdersByEmail"/>). The link's page <c>/orders/by-email?token=…</c>
/// lists every paid order of that address with its page and downloads; an expired or used link answers 410, a link that
/// is not ours 400, each with what to do. Rate limited per client address (<see cref="OrdersByEmailRateLimiting"/>).
/// These pages are never cached, indexed or sent as a referrer.
/// </summary>
[AllowAnonymous]
public sealed class FindOrdersController(OrdersByEmail ordersByEmail, OrdersByEmailLimiter perEmail, OrderDownloads downloads,
    IOptions<DeliveryOptions> deliveryOptions, ILogger<FindOrdersController> logger) : Controller
{
    /// <summary>The form.</summary>
    [HttpGet("orders/find")]
    public IActionResult Index()
    {
        Private();
        return View(new FindOrdersForm());
    }

    /// <summary>Sends the link when the address has orders; the same "check your inbox" page in every case (a bad address: the form with its message, 400).</summary>
    [HttpPost("orders/find")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(OrdersByEmailRateLimiting.Policy)]
    public async Task<IActionResult> Send([FromForm] FindOrdersForm form, CancellationToken cancellationToken)
    {
        Private();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), form);
        }

        if (perEmail.TryAcquire(form.Email))
            await ordersByEmail.SendLinkAsync(form.Email, UserCultures.Current(), cancellationToken);
        else
            logger.LogWarning("Find-my-orders: hourly limit reached for an address; nothing sent");
        return View("Sent", form.Email.Trim());
    }

    /// <summary>The orders of the link's address (once); 410 expired or used, 400 not a link of ours.</summary>
    [HttpGet("orders/by-email")]
    public async Task<IActionResult> List([FromQuery] string? token, CancellationToken cancellationToken)
    {
        Private();
        var result = await ordersByEmail.OpenAsync(token, cancellationToken);
        if (result.Status != OrdersLinkStatus.Opened)
        {
            Response.StatusCode = result.Status == OrdersLinkStatus.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status410Gone;
            return View("LinkProblem", result.Status);
        }

        ViewData["Downloads"] = await downloads.ForOrdersAsync([.. result.Orders.Select(o => o.Order)], cancellationToken);
        ViewData["DownloadLinkMinutes"] = deliveryOptions.Value.DownloadLinkMinutes;
        return View(result);
    }

    /// <summary>No caching anywhere, no search engine, no referrer: the URL carries the link's token.</summary>
    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}

/// <summary>The "find my orders" form.</summary>
public sealed class FindOrdersForm
{
    [Required, EmailAddress, StringLength(AccountLimits.MaxEmailLength)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
