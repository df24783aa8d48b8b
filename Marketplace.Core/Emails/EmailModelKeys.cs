namespace Marketplace.Core.Emails;

/// <summary>
/// The names of the values an outbox row's model holds (all strings): amounts in minor units with their currency,
/// times as ISO 8601 UTC, app links as paths (made absolute when rendered), Stripe's links as given.
/// </summary>
public static class EmailModelKeys
{
    /// <summary>An absolute link made by the app at request time (Identity's confirmation and reset links).</summary>
    public const string Link = "link";

    /// <summary>A path of the app, e.g. <c>/orders/{token}</c>.</summary>
    public const string Path = "path";

    public const string ShopName = "shop";

    /// <summary>How many minutes a link works (a whole number).</summary>
    public const string Minutes = "minutes";
    public const string PlanName = "plan";
    public const string ListingTitle = "listing";

    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public const string Amount = "amount";

    /// <summary>Minor units of <see cref="Currency"/>: what the creator keeps.</summary>
    public const string Net = "net";

    public const string Currency = "currency";

    /// <summary>ISO 8601, UTC.</summary>
    public const string Date = "date";

    /// <summary>Stripe's <c>hosted_invoice_url</c> or <c>receipt_url</c>.</summary>
    public const string StripeUrl = "stripe_url";

    /// <summary>Stripe's reason (dispute reason, payout <c>failure_message</c>).</summary>
    public const string Reason = "reason";

    /// <summary>Stripe's payout <c>failure_code</c> (see <see cref="Payouts.PayoutFailureCodes"/>).</summary>
    public const string FailureCode = "failure_code";

    /// <summary>A membership tier's name.</summary>
    public const string TierName = "tier";

    /// <summary>A creator's post title.</summary>
    public const string PostTitle = "post";

    /// <summary>A path of the app that turns an email off (a token link that works signed out).</summary>
    public const string OptOutPath = "opt_out_path";

    /// <summary>Builds a model from pairs, leaving out null values.</summary>
    public static IReadOnlyDictionary<string, string> Of(params (string Key, object? Value)[] values) =>
        values.Where(v => v.Value is not null)
            .ToDictionary(v => v.Key, v => v.Value switch
            {
                DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var other => other!.ToString() ?? "",
            });
}
