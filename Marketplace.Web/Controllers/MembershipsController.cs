using System.Globalization;
using System.Security.Claims;
using Marketplace.Core.Memberships;
using Marketplace.Core.Orders;
using Marketplace.Web.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in member's memberships, <c>/memberships</c>: creator, tier, Stripe's status, next payment, amount; and
/// <c>POST /memberships/{id}/manage</c>, 303 to Stripe's Billing Portal for the membership's customer (404 when not theirs).
/// </summary>
[Authorize]
[Route("memberships")]
public sealed class MembershipsController(MemberMemberships memberships, PublicUrls publicUrls) : Controller
{
    /// <summary>The list; <c>?joined=1</c> after Checkout says the membership appears once Stripe confirms it.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? joined, CancellationToken cancellationToken)
    {
        ViewData["Joined"] = joined == 1;
        return View(await memberships.ForMemberAsync(UserId(), cancellationToken));
    }

    /// <summary>303 to the Billing Portal (cancel at period end, card, invoices), back to <c>/memberships</c>.</summary>
    [HttpPost("{id:int}/manage")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Manage(int id, CancellationToken cancellationToken)
    {
        var url = await memberships.PortalUrlAsync(UserId(), id, publicUrls.For(Request, "/memberships"),
            CheckoutLocales.ForUiCulture(CultureInfo.CurrentUICulture), cancellationToken);
        if (url is null) return NotFound();
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
