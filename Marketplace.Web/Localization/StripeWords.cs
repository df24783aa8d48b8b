using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Marketplace.Web.Localization;

/// <summary>
/// Stripe's status and reason codes in words of a culture, for pages and emails alike: a payout's <c>status</c>
/// (https://docs.stripe.com/api/payouts/object), a refund's <c>failure_reason</c> (https://docs.stripe.com/api/refunds/object),
/// a dispute's <c>status</c> and <c>reason</c> (https://docs.stripe.com/api/disputes/object), a subscription's
/// <c>status</c> (https://docs.stripe.com/api/subscriptions/object). The words live in
/// <c>Resources/Localization/StripeWords.{en,fr}.resx</c> under the key <c>kind.code</c> (e.g. <c>dispute.reason.fraudulent</c>).
/// A code unknown here is shown as Stripe sends it; no code at all as "—". Never throws.
/// (Payout failure codes have sentences of their own: <see cref="Core.Payouts.PayoutFailureCodes"/>.)
/// </summary>
public static class StripeWords
{
    /// <summary>Kind of a payout's <c>status</c>.</summary>
    public const string PayoutStatusKind = "payout.status";

    /// <summary>Kind of a refund's <c>failure_reason</c>.</summary>
    public const string RefundFailureReasonKind = Core.Text.StripeCode.RefundFailureReason;

    /// <summary>Kind of a dispute's <c>status</c>.</summary>
    public const string DisputeStatusKind = "dispute.status";

    /// <summary>Kind of a dispute's <c>reason</c>.</summary>
    public const string DisputeReasonKind = "dispute.reason";

    /// <summary>Kind of a subscription's <c>status</c>.</summary>
    public const string SubscriptionStatusKind = "subscription.status";

    /// <summary>Every code of each kind that has words, as Stripe's API reference lists them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Codes { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [PayoutStatusKind] = ["paid", "pending", "in_transit", "canceled", "failed"],
        [RefundFailureReasonKind] = ["lost_or_stolen_card", "expired_or_canceled_card", "charge_for_pending_refund_disputed",
            "insufficient_funds", "declined", "merchant_request", "unknown"],
        [DisputeStatusKind] = ["warning_needs_response", "warning_under_review", "warning_closed", "needs_response", "under_review",
            "won", "lost", "prevented"],
        [DisputeReasonKind] = ["bank_cannot_process", "check_returned", "credit_not_processed", "customer_initiated",
            "debit_not_authorized", "duplicate", "fraudulent", "general", "incorrect_account_details", "insufficient_funds",
            "noncompliant", "product_not_received", "product_unacceptable", "subscription_canceled", "unrecognized"],
        [SubscriptionStatusKind] = ["active", "trialing", "past_due", "canceled", "unpaid", "incomplete", "incomplete_expired", "paused"],
    };

    private static readonly ResourceManager Resources = new("Marketplace.Web.Resources.Localization.StripeWords", typeof(StripeWords).Assembly);

    /// <summary>
    /// The words of <paramref name="code"/> of <paramref name="kind"/> in <paramref name="culture"/> (default: the current UI
    /// culture); the code itself when it has no words here, "—" when it is null or empty.
    /// </summary>
    public static string Say(string kind, string? code, CultureInfo? culture = null)
    {
        if (string.IsNullOrEmpty(code)) return "—";
        if (!Codes.TryGetValue(kind, out var codes) || !codes.Contains(code)) return code;
        try
        {
            return Resources.GetString(kind + "." + code, culture ?? CultureInfo.CurrentUICulture) is { Length: > 0 } words ? words : code;
        }
        catch (MissingManifestResourceException)
        {
            return code;
        }
    }

    /// <summary>A payout's <c>status</c> in words, e.g. <c>in_transit</c> → "In transit".</summary>
    public static string PayoutStatus(string? code) => Say(PayoutStatusKind, code);

    /// <summary>A refund's <c>failure_reason</c> in words, e.g. <c>lost_or_stolen_card</c>.</summary>
    public static string RefundFailureReason(string? code) => Say(RefundFailureReasonKind, code);

    /// <summary>A dispute's <c>status</c> in words, e.g. <c>needs_response</c>.</summary>
    public static string DisputeStatus(string? code) => Say(DisputeStatusKind, code);

    /// <summary>A dispute's <c>reason</c> in words, e.g. <c>fraudulent</c>.</summary>
    public static string DisputeReason(string? code) => Say(DisputeReasonKind, code);

    /// <summary>A subscription's <c>status</c> in words, e.g. <c>past_due</c>.</summary>
    public static string SubscriptionStatus(string? code) => Say(SubscriptionStatusKind, code);

    /// <summary>
    /// For admin pages: the words of <paramref name="code"/> followed by the code itself in <c>&lt;code&gt;</c> (admins search
    /// Stripe by code), HTML-encoded; only the code when it has no words here, "—" when there is none.
    /// </summary>
    public static IHtmlContent WithCode(string kind, string? code, CultureInfo? culture = null)
    {
        var words = Say(kind, code, culture);
        if (string.IsNullOrEmpty(code)) return new HtmlString(words);
        var encodedCode = "<code>" + HtmlEncoder.Default.Encode(code) + "</code>";
        return new HtmlString(words == code ? encodedCode : HtmlEncoder.Default.Encode(words) + " " + encodedCode);
    }
}
