using System.Globalization;

namespace Marketplace.StripeGateway;

/// <summary>
/// The metadata keys we write on Stripe objects and read back from them (https://docs.stripe.com/metadata): our ids as
/// invariant-culture integers, so a webhook, a search (<c>metadata['plan_id']:'3'</c>) or a look in the Stripe
/// Dashboard leads back to our rows. Stripe stores them as strings; a key named here is never spelled elsewhere.
/// </summary>
public static class StripeMetadataKeys
{
    /// <summary>Our creator profile id, on Connect accounts, Customers, Checkout Sessions, Subscriptions and PaymentIntents.</summary>
    public const string CreatorId = "creator_id";

    /// <summary>The same id under its older name, still written on plan Checkout Sessions for events already in flight.</summary>
    public const string CreatorProfileId = "creator_profile_id";

    /// <summary>Our plan id, on Products, Prices and plan Checkout Sessions.</summary>
    public const string PlanId = "plan_id";

    /// <summary>The plan's code (<c>silver</c>, …), beside <see cref="PlanId"/> for people reading the Dashboard.</summary>
    public const string PlanCode = "plan_code";

    /// <summary>Our plan price id, on Prices and plan Checkout Sessions.</summary>
    public const string PlanPriceId = "plan_price_id";

    /// <summary>The price's interval (<c>month</c> or <c>year</c>), on Prices.</summary>
    public const string Interval = "interval";

    /// <summary>The creator's Connect account (<c>acct_…</c>, or empty), on plan Checkout Sessions.</summary>
    public const string StripeAccountId = "stripe_account_id";

    /// <summary>Our membership id, on membership Checkout Sessions and Subscriptions (and so on their invoices' <c>parent.subscription_details.metadata</c>).</summary>
    public const string MembershipId = "membership_id";

    /// <summary>Our membership tier id, on its Product and Prices and on membership Checkout Sessions and Subscriptions.</summary>
    public const string MembershipTierId = "membership_tier_id";

    /// <summary>Our order id, on order Checkout Sessions, PaymentIntents and refunds.</summary>
    public const string OrderId = "order_id";

    /// <summary>Our listing id, on order Checkout Sessions and PaymentIntents.</summary>
    public const string ListingId = "listing_id";

    /// <summary>Stripe's dispute id (<c>dp_…</c>) on the transfer reversal and re-transfer a dispute makes.</summary>
    public const string DisputeId = "dispute_id";

    /// <summary>An id we wrote as text: <paramref name="id"/> in the invariant culture.</summary>
    public static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Our integer id under <paramref name="key"/> in <paramref name="metadata"/>, or null when absent or not an integer.</summary>
    public static int? ReadId(IDictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var raw) && int.TryParse(raw, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Our creator profile id in <paramref name="metadata"/> (<see cref="CreatorId"/>), or null.</summary>
    public static int? ReadCreatorId(IDictionary<string, string>? metadata) => ReadId(metadata, CreatorId);
}
