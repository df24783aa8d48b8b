using Marketplace.Core.Accounts;
using Marketplace.Core.Disputes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>
/// What the platform owes creators at <c>/admin/owed</c>: won disputes whose transfer back Stripe has not made yet
/// (<see cref="OwedToCreators"/>), the longest owed first, with the amount, the creator, since when and Stripe's last refusal.
/// </summary>
[Authorize(Policy = Roles.Admin)]
[Route("admin/owed")]
public sealed class AdminOwedController(OwedToCreators owed) : Controller
{
    /// <summary>Every owed transfer back (at most 200 rows) and the sums per currency.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new OwedToCreatorsViewModel(await owed.ListAsync(cancellationToken: cancellationToken), await owed.TotalsAsync(cancellationToken)));
}

/// <summary>The owed transfers back and their sums per currency.</summary>
public sealed record OwedToCreatorsViewModel(IReadOnlyList<OwedToCreatorRow> Rows, IReadOnlyList<OwedToCreatorsTotal> Totals);
