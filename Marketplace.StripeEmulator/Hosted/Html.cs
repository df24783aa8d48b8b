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

    public static IResult Page(string title, string body, int status = 200)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(title)).Append(" · Stripe emulator</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}")
            .Append("table{border-collapse:collapse;width:100%}td,th{padding:.4rem;border-bottom:1px solid #e3e8ee;text-align:left}")
            .Append(".error{color:#c0123c;font-weight:600}.note{color:#697386;font-size:.9rem}button{margin:.3rem .3rem .3rem 0;padding:.5rem 1rem}")
            .Append("input{padding:.4rem;width:16rem}form{margin:.5rem 0}</style></head><body>")
            .Append("<p class=\"note\">Stripe emulator (test mode, no real payment)</p>")
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
