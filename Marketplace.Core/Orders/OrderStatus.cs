namespace Marketplace.Core.Orders;

/// <summary>Where a buyer's order stands (the refunds and disputes issue adds more).</summary>
public enum OrderStatus
{
    /// <summary>Created with its Checkout Session; the buyer has not paid (yet).</summary>
    Pending,

    /// <summary>Stripe says the Checkout Session is complete and paid: the buyer gets the delivery note.</summary>
    Paid,

    /// <summary>The Checkout Session expired unpaid (<c>checkout.session.expired</c>); nothing was charged.</summary>
    Expired,
}
