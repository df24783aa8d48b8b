using Marketplace.Core.Admin;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;
using Marketplace.Core.Paging;

namespace Marketplace.Web.Models;

/// <summary>
/// The sales page: one page of orders, the paid totals, whether the Express dashboard button is offered, the Connect
/// account's balance, the latest payouts (newest first), the orders under an open dispute (a banner each) and the Stripe
/// Dashboard links, and the evidence form of each dispute still waiting for evidence (by order id).
/// </summary>
public sealed record SalesPageViewModel(PagedList<Order> Orders, SalesTotals Totals, bool ExpressDashboardAvailable, CreatorBalance Balance,
    IReadOnlyList<Payout> Payouts, IReadOnlyList<Order>? OpenDisputes = null, StripeDashboardLinks? Links = null,
    IReadOnlyDictionary<int, DisputeEvidenceFormModel>? EvidenceForms = null)
{
    /// <summary>When the next payout is expected, or why payouts are held.</summary>
    public Marketplace.Core.Payouts.PayoutOutlook? PayoutOutlook { get; init; }
}
