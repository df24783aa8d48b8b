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

    /// <summary>
    /// The platform's minimum fee on a sale per lower-case currency (<see cref="PlatformFees"/>): the application fee is
    /// the plan's commission but never less than this, set to cover Stripe's processing fee so that no sale costs the
    /// platform money. Defaults: Stripe's standard European card pricing (https://stripe.com/pricing): eur 1.5 % + 25,
    /// gbp 1.5 % + 20, xaf and xof 1.5 % + 164 (0.25 EUR), usd 2.9 % + 30, jpy 3.6 %. Raise them to what your Stripe
    /// account actually pays (non-European and premium cards cost more).
    /// </summary>
    public Dictionary<string, MinimumApplicationFee> MinimumApplicationFees { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eur"] = new() { RateBps = 150, FixedMinor = 25 },
        ["gbp"] = new() { RateBps = 150, FixedMinor = 20 },
        ["xaf"] = new() { RateBps = 150, FixedMinor = 164 },
        ["xof"] = new() { RateBps = 150, FixedMinor = 164 },
        ["usd"] = new() { RateBps = 290, FixedMinor = 30 },
        ["jpy"] = new() { RateBps = 360, FixedMinor = 0 },
    };

    /// <summary>The minimum fee of a currency <see cref="MinimumApplicationFees"/> lacks. Default 2.9 % + 30 minor units.</summary>
    public MinimumApplicationFee DefaultMinimumApplicationFee { get; set; } = new() { RateBps = 290, FixedMinor = 30 };

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
