using Marketplace.Core.Admin;
using Marketplace.Core.Orders;

namespace Marketplace.Web.Models;

/// <summary>The sales page: one page of orders, the paid totals, and whether the Express dashboard button is offered.</summary>
public sealed record SalesPageViewModel(PagedList<Order> Orders, SalesTotals Totals, bool ExpressDashboardAvailable);
