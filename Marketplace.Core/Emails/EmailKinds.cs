namespace Marketplace.Core.Emails;

/// <summary>
/// The emails the marketplace sends, one constant per kind. With the kind, an outbox row carries a key (the Stripe
/// object or our id it is about) and <see cref="OutboxEmail"/>'s unique index on both sends each at most once.
/// </summary>
public static class EmailKinds
{
    /// <summary>Identity's email confirmation link (key: a random id, each request is one email).</summary>
    public const string ConfirmEmail = "identity.confirm_email";

    /// <summary>Identity's password reset link (key: a random id).</summary>
    public const string ResetPassword = "identity.reset_password";

    /// <summary>Welcome to a new creator (key: the creator profile id).</summary>
    public const string CreatorWelcome = "creator.welcome";

    /// <summary>A paid subscription started (key: <c>sub_…</c>).</summary>
    public const string SubscriptionStarted = "subscription.started";

    /// <summary>An invoice was paid, with Stripe's <c>hosted_invoice_url</c> (key: <c>in_…</c>).</summary>
    public const string InvoicePaid = "invoice.paid";

    /// <summary><c>invoice.payment_failed</c>, with a link that opens the billing portal (key: <c>in_…</c>).</summary>
    public const string InvoicePaymentFailed = "invoice.payment_failed";

    /// <summary><c>customer.subscription.trial_will_end</c> (key: <c>sub_…:{trial_end unix}</c>).</summary>
    public const string TrialWillEnd = "subscription.trial_will_end";

    /// <summary>The subscription ended; the creator is back on Free (key: <c>sub_…</c>).</summary>
    public const string SubscriptionEnded = "subscription.ended";

    /// <summary>The buyer's receipt with the order link (key: the order id).</summary>
    public const string OrderReceipt = "order.receipt";

    /// <summary>"You made a sale", to the creator (key: the order id).</summary>
    public const string OrderSale = "order.sale";

    /// <summary>A refund was issued, to the buyer (key: <c>re_…</c>).</summary>
    public const string RefundIssued = "refund.issued";

    /// <summary>A dispute was opened on a sale, to the creator (key: <c>dp_…</c>).</summary>
    public const string DisputeOpened = "dispute.opened";

    /// <summary>A payout to the creator's bank failed (key: <c>po_…</c>).</summary>
    public const string PayoutFailed = "payout.failed";

    /// <summary>"Find my orders": a one-time link listing a visitor's orders (key: a random id, each request is one email).</summary>
    public const string OrdersLink = "orders.link";
    /// <summary>Someone is guessing the account's password, to its owner (key: <c>{userId}:{first failure, yyyyMMddHHmmss}</c>).</summary>
    public const string SignInGuessing = "account.sign_in_guessing";

    /// <summary>Someone tried to sign up with the account's address, to its owner (key: <c>{userId}:{yyyyMMddHH}</c>, at most one an hour).</summary>
    public const string RegistrationAttempt = "account.registration_attempt";

    /// <summary>A membership ended because its creator deleted their account, to the member (key: <c>{membership id}:{sub_…}</c>).</summary>
    public const string MembershipEndedCreatorLeft = "membership.ended_creator_left";

    /// <summary>A creator published a post the member may read (key: <c>{membership id}:{post id}</c>).</summary>
    public const string MembershipPost = "membership.post";

    /// <summary>Kinds whose model holds a secret (a token link): cleared once sent.</summary>
    public static bool HoldsSecret(string kind) => kind is ConfirmEmail or ResetPassword or OrdersLink;
}
