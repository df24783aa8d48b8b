using Marketplace.Core.Admin;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;

namespace Marketplace.Web.Models;

/// <summary>
/// The sales page: one page of orders, the paid totals, whether the Express dashboard button is offered, the Connect
/// account's balance and the latest payouts (newest first).
/// </summary>
public sealed record SalesPageViewModel(PagedList<Order> Orders, SalesTotals Totals, bool ExpressDashboardAvailable, CreatorBalance Balance,
    IReadOnlyList<Payout> Payouts);
