using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Orders;

/// <summary>Buying on the storefront, section <c>Orders</c>.</summary>
public sealed class OrderOptions
{
    public const string SectionName = "Orders";

    /// <summary>
    /// Minimum charge amounts, minor units by lower-case currency, for currencies Stripe's table lacks
    /// (<see cref="MinimumChargeAmounts.StripeTable"/>). Defaults: XAF and XOF 350 (≈ 0.53 EUR at the fixed 655.957 rate).
    /// </summary>
    public Dictionary<string, long> MinimumChargeAmounts { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["xaf"] = 350, ["xof"] = 350 };

    /// <summary>How many Buy requests one client address without an account may send per minute (each costs a Stripe call).</summary>
    [Range(1, 100_000)]
    public int AnonymousBuyPermitPerMinute { get; set; } = 20;

    /// <summary>How many Buy requests one signed-in user may send per minute, whatever their address or cookies.</summary>
    [Range(1, 100_000)]
    public int SignedInBuyPermitPerMinute { get; set; } = 20;

    /// <summary>
    /// Most open Checkout Sessions (Pending orders with an unexpired session) one signed-in buyer may hold on one listing;
    /// past it, Buy sends them to their newest open session instead of creating one.
    /// </summary>
    [Range(1, 100)]
    public int MaxOpenCheckoutsPerBuyer { get; set; } = 3;

    /// <summary>How long a Checkout Session stays open, in minutes (Stripe allows 30 to 1,440).</summary>
    [Range(30, 1440)]
    public int CheckoutExpiryMinutes { get; set; } = 30;
}
