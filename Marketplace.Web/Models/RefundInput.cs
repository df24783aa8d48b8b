using System.Globalization;
using Marketplace.Core.Refunds;

namespace Marketplace.Web.Models;

/// <summary>
/// What the refund form posts (<c>Views/Orders/_RefundForm.cshtml</c>), bound as one model by the creator's and the
/// admin's refund actions. Nothing is checked here: <see cref="OrderRefunds"/> validates it in one place, reading
/// <see cref="Amount"/> with <see cref="Core.Amounts.AmountParser"/> in the page's culture.
/// </summary>
public sealed class RefundInput
{
    /// <summary>The amount typed, major units in the page's number culture (<c>10,50</c> in French); empty: all that is left.</summary>
    public string? Amount { get; set; }

    /// <summary>Stripe's refund reason (<see cref="RefundReasons.All"/>); empty: <c>requested_by_customer</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>The form's random token (<see cref="OrderRefunds.NewRequestToken"/>).</summary>
    public string? RequestToken { get; set; }

    /// <summary>The command for <paramref name="orderId"/>; <paramref name="creatorProfileId"/> null for an admin; amounts read in <paramref name="culture"/>.</summary>
    public RefundCommand ToCommand(int orderId, int? creatorProfileId, CultureInfo culture) =>
        new(orderId, creatorProfileId, Amount, Reason, RequestToken, culture);
}
