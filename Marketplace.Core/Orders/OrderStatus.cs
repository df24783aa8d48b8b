namespace Marketplace.Core.Orders;

/// <summary>Where a buyer's order stands. Stored as its name.</summary>
public enum OrderStatus
{
    /// <summary>Created with its Checkout Session; the buyer has not paid (yet).</summary>
    Pending,

    /// <summary>Stripe says the Checkout Session is complete and paid: the buyer gets the delivery note.</summary>
    Paid,

    /// <summary>The Checkout Session expired unpaid (<c>checkout.session.expired</c>); nothing was charged.</summary>
    Expired,

    /// <summary>Paid, then part of the amount refunded (the charge's <c>amount_refunded</c> is below its amount).</summary>
    PartiallyRefunded,

    /// <summary>Paid, then refunded in full (the charge's <c>refunded</c> is true).</summary>
    Refunded,

    /// <summary>The buyer's bank opened a dispute that is not closed (<c>needs_response</c>, <c>under_review</c>, …).</summary>
    Disputed,

    /// <summary>The dispute was closed as <c>lost</c>: the disputed amount went back to the buyer.</summary>
    DisputeLost,
}
