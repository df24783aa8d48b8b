using System.Globalization;
using System.Text;
using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;
using Marketplace.Core.Sales;

namespace Marketplace.Core.Orders;

/// <summary>
/// The creator's sales as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, quotes
/// doubled; CRLF line ends), amounts in major units with the currency's decimals. A text value a spreadsheet would read
/// as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is prefixed with
/// <c>'</c> (OWASP's advice against CSV injection), so a buyer's email or a listing title can never run in the
/// creator's spreadsheet.
/// </summary>
public static partial class SalesCsv
{
    /// <summary>The header row.</summary>
    public static readonly string[] Header =
        ["order_id", "created_utc", "paid_utc", "status", "listing", "buyer_email", "currency", "amount", "refunded", "disputed", "reinstated", "platform_fee",
            "net_to_creator", "stripe_payment_intent"];

    /// <summary>One order's row; its money is <see cref="OrderFigures"/> (the platform's fee kept, the creator's net after refunds and disputes).</summary>
    public static string[] Row(Order order) => Row(order, OrderFigures.Of(order));

    private static string[] Row(Order order, OrderFigures figures) =>
    [
        order.Id.ToString(CultureInfo.InvariantCulture),
        order.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        order.PaidAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
        order.Status.ToString(),
        order.ListingTitle,
        order.BuyerEmail ?? "",
        order.Currency.ToUpperInvariant(),
        Major(figures.GrossMinor, order.Currency),
        Major(figures.RefundedMinor, order.Currency),
        Major(figures.DisputedMinor, order.Currency),
        Major(figures.ReinstatedMinor, order.Currency),
        Major(figures.PlatformFeeMinor, order.Currency),
        Major(figures.CreatorNetMinor, order.Currency),
        order.StripePaymentIntentId ?? "",
    ];

    /// <summary>A line of CSV (without its line end) from <paramref name="fields"/>, each escaped and quoted as needed.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    /// <summary>
    /// One field: neutralized against formula injection (a plain number such as <c>-2.50</c>, an amount taken back, is left
    /// as it is: a spreadsheet reads it as a number, not a formula), then quoted when it holds a comma, a quote or a line break.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The encoding of the export: UTF-8 with a byte order mark, so spreadsheets read accents right.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    [System.Text.RegularExpressions.GeneratedRegex(@"^-[0-9]+(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    private static string Major(long minor, string currency) =>
        Money.ToMajor(minor, currency).ToString("F" + Money.DecimalDigits(currency), CultureInfo.InvariantCulture);
}
