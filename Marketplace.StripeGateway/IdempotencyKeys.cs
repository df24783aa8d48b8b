namespace Marketplace.StripeGateway;

/// <summary>
/// Idempotency keys derived from our own ids (https://docs.stripe.com/api/idempotent_requests): a double click, a
/// retried job or two instances send the same key, and Stripe answers with the first result instead of creating twice.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The one Connect account of a creator: <c>connect-account:creator:{id}</c>.</summary>
    public static string ConnectAccount(int creatorProfileId) => $"connect-account:creator:{creatorProfileId}";

    /// <summary>The one Stripe Product of a plan: <c>product:plan:{id}</c>.</summary>
    public static string PlanProduct(int planId) => $"product:plan:{planId}";

    /// <summary>
    /// The one Stripe Price of a plan price at one amount (minor units), currency and interval (<c>month</c>/<c>year</c>):
    /// <c>price:{id}:{amount}:{currency}:{interval}</c>. Prices are immutable, so a changed amount is a new key.
    /// </summary>
    public static string PlanPrice(int planPriceId, long amountMinor, string currency, string interval) =>
        $"price:{planPriceId}:{amountMinor}:{currency}:{interval}";

    /// <summary>The one Stripe Product of a membership tier: <c>product:membership-tier:{id}</c>.</summary>
    public static string MembershipTierProduct(int tierId) => $"product:membership-tier:{tierId}";

    /// <summary>The one monthly Stripe Price of a membership tier at one amount (minor units) and currency: <c>price:membership-tier:{id}:{amount}:{currency}:month</c>.</summary>
    public static string MembershipTierPrice(int tierId, long amountMinor, string currency) =>
        $"price:membership-tier:{tierId}:{amountMinor}:{currency}:month";

    /// <summary>
    /// A membership's Checkout Session for one state of the membership row (<paramref name="membershipVersion"/>, its
    /// last update, UTC), one Price and one locale: <c>checkout:membership:{id}:{price}:{version}:{locale}</c>. A double click
    /// gets the same session; a Join after the row changed (a new tier, an ended subscription) is a new request.
    /// </summary>
    public static string MembershipCheckout(int membershipId, string priceId, DateTime membershipVersion, string locale) =>
        $"checkout:membership:{membershipId}:{priceId}:{membershipVersion:yyyyMMddHHmmssfffffff}:{locale}";

    /// <summary>A member's Billing Portal session, per membership and minute: <c>portal:membership:{id}:{yyyyMMddHHmm}</c>.</summary>
    public static string MembershipPortal(int membershipId, DateTime minute) => $"portal:membership:{membershipId}:{minute:yyyyMMddHHmm}";

    /// <summary>The one Stripe Customer of a creator: <c>customer:creator:{id}</c>.</summary>
    public static string Customer(int creatorProfileId) => $"customer:creator:{creatorProfileId}";

    /// <summary>
    /// A creator's Checkout Session for a price within one hour (UTC) from one state of their subscription: a double
    /// click or a second tab in that hour gets the same session back, while a new checkout after the subscription changed
    /// (subscribed, then canceled in the same hour) is a new request. <paramref name="hourStart"/> is the start of that
    /// hour, <paramref name="subscriptionVersion"/> the subscription row's last update (UTC). <paramref name="supersededSessionIds"/>
    /// (<c>cs_…</c>, possibly none) are the sessions expired or found dead just before: naming them (as a short hash, the
    /// key stays under Stripe's 255 characters) makes a new request instead of the replay of a session that is gone.
    /// </summary>
    /// <remarks><paramref name="locale"/> (the session's <c>locale</c>) ends the key: the same click in another language is another request, not a replay with different parameters.</remarks>
    public static string CheckoutSession(int creatorProfileId, int planPriceId, DateTime hourStart, DateTime subscriptionVersion,
        IReadOnlyCollection<string> supersededSessionIds, string locale = "auto")
    {
        var key = $"checkout:creator:{creatorProfileId}:price:{planPriceId}:{hourStart:yyyyMMddHH}:{subscriptionVersion:yyyyMMddHHmmssfffffff}:{locale}";
        if (supersededSessionIds.Count == 0) return key;
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", supersededSessionIds.Order(StringComparer.Ordinal))));
        return $"{key}:after:{Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>
    /// One change of a creator's subscription (<paramref name="change"/>, e.g. <c>cancel</c>, <c>resume</c>,
    /// <c>price:price_…</c>) from the state version the creator saw (<paramref name="stateVersion"/>: the row's last
    /// update, UTC): a double click replays the first answer, and the same change made again later is a new request.
    /// </summary>
    public static string SubscriptionChange(string subscriptionId, string change, DateTime stateVersion) =>
        $"subscription:{subscriptionId}:{change}:{stateVersion:yyyyMMddHHmmssfffffff}";

    /// <summary>A creator's Billing Portal session within one minute (UTC), <paramref name="minuteStart"/> its start.</summary>
    public static string BillingPortalSession(int creatorProfileId, DateTime minuteStart, string locale = "auto") =>
        $"billing-portal:creator:{creatorProfileId}:{minuteStart:yyyyMMddHHmm}:{locale}";

    /// <summary>
    /// The one Checkout Session of an order, from its public token: a double click, a retry after a network error or a
    /// second instance gets the same session back.
    /// </summary>
    public static string OrderCheckoutSession(string orderToken) => $"checkout:order:{orderToken}";

    /// <summary>One refund request of an order: the order id and the refund form's random token, so a double submit replays the first refund.</summary>
    public static string OrderRefund(int orderId, string requestToken) => $"refund:order:{orderId}:{requestToken}";

    /// <summary>Submitting evidence for dispute <paramref name="disputeId"/> from one form (<paramref name="requestToken"/>: a double submit replays).</summary>
    public static string DisputeEvidence(string disputeId, string requestToken) => $"dispute-evidence:{disputeId}:{requestToken}";

    /// <summary>The upload of evidence file <paramref name="field"/> (<c>receipt</c>, <c>uncategorized_file</c>) of one evidence form (<paramref name="requestToken"/>) for dispute <paramref name="disputeId"/>.</summary>
    public static string DisputeEvidenceFile(string disputeId, string requestToken, string field) => $"dispute-evidence-file:{disputeId}:{requestToken}:{field}";

    /// <summary>The one reversal of the creator's transfer for dispute <paramref name="disputeId"/> (<c>dp_…</c>).</summary>
    public static string DisputeTransferReversal(string disputeId) => $"dispute-reversal:{disputeId}";

    /// <summary>
    /// An attempt at the transfer giving the creator back what was reversed for dispute <paramref name="disputeId"/> once won:
    /// <c>dispute-retransfer:{dp_…}:{currency}:{available}</c>, <paramref name="platformAvailableMinor"/> being the platform's
    /// available balance in <paramref name="currency"/> (minor units) read just before. Stripe saves a refusal such as
    /// <c>balance_insufficient</c> under its key for 24 h (https://docs.stripe.com/api/idempotent_requests), so a key fixed
    /// per dispute would replay that refusal after the funds arrived. This key changes exactly when the balance the refusal
    /// depended on changes, and stays the same for a retry after a timeout when nothing moved (the first request is then
    /// replayed, or answered 409 while it runs). Two transfers cannot both succeed because the caller first looks for a
    /// transfer naming the dispute (see <c>OrderDisputes</c>) under the order's lock, and a successful one lowers the balance.
    /// </summary>
    public static string DisputeRetransfer(string disputeId, string currency, long platformAvailableMinor) =>
        $"dispute-retransfer:{disputeId}:{currency}:{platformAvailableMinor}";

    /// <summary>
    /// The expiry of Checkout Session <paramref name="sessionId"/> (<c>cs_…</c>, https://docs.stripe.com/api/checkout/sessions/expire):
    /// <c>checkout-expire:{cs_…}</c>. Expiring is the same act whoever asks, so every attempt shares the key.
    /// </summary>
    public static string CheckoutSessionExpiry(string sessionId) => $"checkout-expire:{sessionId}";

    /// <summary>
    /// One request for an account link of <paramref name="type"/> (<c>account_onboarding</c>) for <paramref name="accountId"/>:
    /// <c>account-link:{acct_…}:{type}:{attempt}</c>, <paramref name="attempt"/> being new for each click. Links are single
    /// use (https://docs.stripe.com/api/account_links/create), so two clicks must not share a key (the second would be
    /// replayed a used link); the key only makes Stripe.net's network retries of one click replay the first answer.
    /// </summary>
    public static string AccountLink(string accountId, string type, Guid attempt) => $"account-link:{accountId}:{type}:{attempt:N}";

    /// <summary>
    /// One request for a login link to the Express dashboard of <paramref name="accountId"/>: <c>login-link:{acct_…}:{attempt}</c>,
    /// new for each click since login links are single use too (https://docs.stripe.com/api/accounts/login_link/create).
    /// </summary>
    public static string LoginLink(string accountId, Guid attempt) => $"login-link:{accountId}:{attempt:N}";
}
