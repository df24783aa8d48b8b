using Marketplace.Core.Connect;

namespace Marketplace.Core.Orders;

/// <summary>What happened when a buyer clicked Buy.</summary>
public enum BuyOutcome
{
    /// <summary>No such listing in this shop, or it is hidden or inactive: 404.</summary>
    NotFound,

    /// <summary>The signed-in user owns the shop: nothing created.</summary>
    OwnListing,

    /// <summary><c>CanCreatorReceivePayments</c> failed: nothing created, no Stripe call.</summary>
    ShopCannotTakePayments,

    /// <summary>Send the buyer to <see cref="BuyResult.CheckoutUrl"/> (303): a new order, or this browser's pending one.</summary>
    RedirectToCheckout,

    /// <summary>Stripe refused the session (<c>amount_too_small</c>, the destination lacks <c>transfers</c>, …): nothing to pay.</summary>
    StripeRefused,

    /// <summary>Stripe could not be reached (or timed out): a second click retries the same order with the same idempotency key.</summary>
    StripeUnavailable,
}

/// <summary>The outcome, with the order's token and Checkout URL, or the message and the guard's result.</summary>
public sealed record BuyResult(BuyOutcome Outcome, Text.CoreMessage? Message = null, string? CheckoutUrl = null, string? OrderToken = null,
    PaymentEligibilityResult? Eligibility = null, bool Reused = false);
