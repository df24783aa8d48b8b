using Marketplace.Core.Admin;
using Marketplace.Core.Orders;

namespace Marketplace.Web.Models;

/// <summary>
/// The sales page: one page of orders, the paid totals, whether the Express dashboard button is offered, the orders under
/// an open dispute (a banner each) and the Stripe Dashboard links.
/// </summary>
public sealed record SalesPageViewModel(PagedList<Order> Orders, SalesTotals Totals, bool ExpressDashboardAvailable,
    IReadOnlyList<Order>? OpenDisputes = null, StripeDashboardLinks? Links = null);
