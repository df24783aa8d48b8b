using System.Globalization;
using System.Net;
using System.Text;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>Plain HTML for the hosted pages: no script, one stylesheet, forms that POST back to the emulator.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Money(long minor, string? currency)
    {
        var code = (currency ?? "usd").ToUpperInvariant();
        var zeroDecimal = Payments.Currencies.IsZeroDecimal(code);
        var amount = zeroDecimal ? minor : minor / 100m;
        return string.Create(CultureInfo.InvariantCulture, $"{amount:0.##} {code}");
    }

    /// <summary>
    /// An amount as Checkout shows it in <paramref name="locale"/>: French writes <c>9,00 €</c> (comma, no-break space,
    /// the euro sign for EUR, the code otherwise); any other locale as <see cref="Money(long, string?)"/>.
    /// </summary>
    public static string Money(long minor, string? currency, string? locale)
    {
        if (locale is null || !locale.StartsWith("fr", StringComparison.Ordinal)) return Money(minor, currency);
        var code = (currency ?? "usd").ToUpperInvariant();
        var zeroDecimal = Payments.Currencies.IsZeroDecimal(code);
        var number = (zeroDecimal ? minor : minor / 100m).ToString(zeroDecimal ? "N0" : "N2", CultureInfo.GetCultureInfo("fr"));
        return number.Replace('\u202F', '\u00A0') + "\u00A0" + (code == "EUR" ? "€" : code);
    }

    /// <summary>
    /// A hosted page. <paramref name="locale"/> is the session's <c>locale</c> (Checkout and Billing Portal sessions):
    /// the page says which it was given and takes it as its <c>lang</c> (<c>auto</c> or none: <c>en</c>).
    /// </summary>
    public static IResult Page(string title, string body, int status = 200, string? locale = null)
    {
        var lang = locale is null or "auto" ? "en" : locale;
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(E(lang)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(title)).Append(" · Stripe emulator</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}")
            .Append("table{border-collapse:collapse;width:100%}td,th{padding:.4rem;border-bottom:1px solid #e3e8ee;text-align:left}")
            .Append(".error{color:#c0123c;font-weight:600}.note{color:#697386;font-size:.9rem}button{margin:.3rem .3rem .3rem 0;padding:.5rem 1rem}")
            .Append("input{padding:.4rem;width:16rem}form{margin:.5rem 0}</style></head><body>")
            .Append("<p class=\"note\">Stripe emulator (test mode, no real payment)")
            .Append(locale is null ? "" : $" · locale <span data-testid=\"locale\">{E(locale)}</span>").Append("</p>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>303 See Other, as after a successful form POST.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
