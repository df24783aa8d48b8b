using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Refunds;

/// <summary>Paid orders, refund forms and what Stripe holds afterwards, the way the refund tests need them.</summary>
public static class RefundScenarios
{
    /// <summary>
    /// A visitor whose browser asks for <paramref name="acceptLanguage"/> (e.g. <c>fr-FR</c>; none when null) buys a listing
    /// of <paramref name="shop"/> and pays it with <paramref name="card"/> as <paramref name="email"/>; returns the order once Paid.
    /// </summary>
    public static async Task<Order> PaidOrderAsync(this LiveMarketplaceFactory app, Shop shop, string card = "4242424242424242",
        string email = "buyer@example.com", string? acceptLanguage = null)
    {
        using var visitor = app.Visitor();
        if (acceptLanguage is not null) visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var back = await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!, card, email);
        (await visitor.Client.GetAsync(back)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var sessionId = System.Web.HttpUtility.ParseQueryString(back.Query)["session_id"]!;
        return await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.StripeCheckoutSessionId == sessionId && o.Status != OrderStatus.Pending));
    }

    /// <summary>Posts the creator's refund form of <paramref name="orderId"/> (antiforgery token from the sales page); returns the sales page shown after it.</summary>
    public static Task<string> CreatorRefundsAsync(this Shop shop, int orderId, string amount, string token, string reason = "requested_by_customer") =>
        RefundAsync(shop.Creator, "/creator/sales", $"/creator/sales/{orderId}/refund", amount, token, reason);

    /// <summary>Posts a refund form from <paramref name="page"/> to <paramref name="action"/>, follows the redirect, returns the decoded page.</summary>
    public static async Task<string> RefundAsync(BrowserSession browser, string page, string action, string amount, string token, string reason = "requested_by_customer")
    {
        var posted = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["amount"] = amount, ["reason"] = reason, ["requestToken"] = token }, action);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.ToString().Should().Be(page);
        return WebUtility.HtmlDecode(await browser.Client.GetStringAsync(page));
    }

    /// <summary>The order as stored now.</summary>
    public static Task<Order> OrderAsync(this MarketplaceFactory app, int orderId) =>
        app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));

    /// <summary>The order's charge on the emulator with its refunds, transfer (reversals) and application fee.</summary>
    public static Task<Charge> ChargeAsync(this LiveMarketplaceFactory app, Order order) =>
        app.Stripe.V1.Charges.GetAsync(order.StripeChargeId, new ChargeGetOptions { Expand = ["refunds", "transfer", "application_fee"] });

    /// <summary>How many refunds Stripe holds for the order's PaymentIntent.</summary>
    public static async Task<int> StripeRefundCountAsync(this LiveMarketplaceFactory app, Order order) =>
        (await app.Stripe.V1.Refunds.ListAsync(new RefundListOptions { PaymentIntent = order.StripePaymentIntentId })).Data.Count;

    /// <summary>The text of the sales page's totals row <paramref name="key"/> (e.g. <c>all-eur</c>).</summary>
    public static string TotalsRow(string html, string key)
    {
        var start = html.IndexOf($"data-total=\"{key}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, key);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
