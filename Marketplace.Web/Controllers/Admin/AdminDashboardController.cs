using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>The admin dashboard at <c>/admin</c>: counts, MRR per currency, this and last month's revenue, a 12-month chart.</summary>
[Authorize(Policy = Roles.Admin)]
[Route("admin")]
public sealed class AdminDashboardController(AdminDashboardQueries dashboard) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await dashboard.GetAsync(cancellationToken));
}
