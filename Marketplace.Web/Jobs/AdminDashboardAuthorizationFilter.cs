using Hangfire.Dashboard;
using Marketplace.Core.Accounts;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Second lock on the Hangfire dashboard: the endpoint already requires the Admin policy (anonymous → login,
/// others → 403); this filter refuses anyone not in the <c>Admin</c> role should that wiring ever change.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    /// <inheritdoc />
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
