using System.Net;
using Marketplace.Core.Payouts;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;

namespace Marketplace.Tests.Payouts;

/// <summary>
/// What the creator sees of their payouts: the failed-payout banner on every creator page (until a later payout is
/// paid) with the Express dashboard button, and on the sales page the payouts and the Connect balance from Stripe.
/// </summary>
public sealed class PayoutPagesTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private const string Banner = "Stripe could not pay out €120.00 to your bank. The bank account has been closed. Update your bank details.";
    private static readonly string[] CreatorPages = ["/creator/sales", "/creator/listings", "/creator/connect", "/creator/subscription"];

    [Fact]
    public async Task Banner_FailedPayout_OnEveryCreatorPageUntilALaterPayoutIsPaid()
    {
        using var shop = await app.ShopAsync(price: "150.00");
        await app.FundedAsync(shop); // 135.00 EUR available

        await app.PayOutAsync(shop, 12000, PayoutStatus.Failed, "account_closed");

        foreach (var page in CreatorPages)
        {
            var html = await PageAsync(shop.Creator, page);
            TextOf(BannerOf(html)).Should().Contain(Banner, page);
            BannerOf(html).Should().Contain("action=\"/creator/connect/dashboard\"", "the banner carries the Express dashboard button");
        }

        var french = await PageAsync(shop.Creator, "/creator/sales", "fr-FR");
        TextOf(BannerOf(french)).Should().Contain("Stripe n’a pas pu verser 120,00\u00A0€ sur votre compte bancaire. Le compte bancaire a été clôturé. "
            + "Mettez à jour vos coordonnées bancaires.");
        TextOf(french).Should().Contain("Échoué — Le compte bancaire a été clôturé.", "the payouts table says the status and why in French too").And.NotContain("account_closed:");

        using var otherCreator = app.NewBrowser();
        await otherCreator.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", "Other shop");
        (await PageAsync(otherCreator, "/creator/listings")).Should().NotContain("Stripe could not pay out");
        using var visitor = app.Visitor();
        (await PageAsync(visitor, $"/c/{shop.Slug}")).Should().NotContain("Stripe could not pay out");

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromMinutes(1)); // the next payout is created later, as on Stripe
        await app.PayOutAsync(shop, 1000, PayoutStatus.Paid);

        foreach (var page in CreatorPages) (await PageAsync(shop.Creator, page)).Should().NotContain("Stripe could not pay out", page);
    }

    [Fact]
    public async Task BannerButton_FailedPayout_303ToAFreshExpressDashboardLoginLink()
    {
        using var shop = await app.ShopAsync(price: "150.00");
        await app.FundedAsync(shop);
        await app.PayOutAsync(shop, 12000, PayoutStatus.Failed, "account_closed");

        var response = await shop.Creator.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), "/creator/connect/dashboard");

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.Should().StartWith("/express/");
        using var stripe = new HttpClient();
        var dashboard = WebUtility.HtmlDecode(await stripe.GetStringAsync(response.Headers.Location));
        dashboard.Should().Contain("The bank account has been closed.", "the emulator's dashboard lists the failed payout");
    }

    [Fact]
    public async Task Sales_PaidOrderThenPayout_BalanceAndPayoutsFromStripe()
    {
        using var shop = await app.ShopAsync();
        await app.PaidOrderAsync(shop);

        var before = await PageAsync(shop.Creator, "/creator/sales");

        Row(before, "data-balance=\"eur\"").Should().Contain("€0.00").And.Contain("€22.50");
        before.Should().Contain("No payout yet.");

        app.Emulator.MakeBalanceAvailable(app.ApiKey, shop.AccountId);
        var payout = await app.PayOutAsync(shop, 1000, PayoutStatus.Paid);
        var after = await PageAsync(shop.Creator, "/creator/sales");

        var balance = Row(after, "data-balance=\"eur\"");
        balance.Should().Contain("€12.50", "22.50 available less the 10.00 paid out: the payout made the cached balance be read again");
        Row(after, $"data-payout-id=\"{payout.StripePayoutId}\"").Should().Contain("€10.00").And.Contain("data-stripe-status=\"paid\">Paid</span>");
    }

    [Fact]
    public async Task Sales_StripeFailsTheBalanceRead_BalanceUnavailableThenShownOnTheNextView()
    {
        using var shop = await app.ShopAsync();
        await app.PaidOrderAsync(shop);
        await app.QuiesceAsync();
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 3); // the call and Stripe.net's two retries
        try
        {
            var response = await shop.Creator.Client.GetAsync("/creator/sales");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            html.Should().Contain("balance unavailable").And.NotContain("data-balance=");
            html.Should().Contain("Poster A2", "the rest of the page is there");
        }
        finally
        {
            app.Emulator.FailNextApiCalls(app.ApiKey, 500, 0);
        }

        Row(await PageAsync(shop.Creator, "/creator/sales"), "data-balance=\"eur\"").Should().Contain("€22.50", "a failure is not cached");
    }

    private static async Task<string> PageAsync(BrowserSession session, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await session.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string BannerOf(string html)
    {
        var start = html.IndexOf("data-testid=\"payout-failed-banner\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    /// <summary>The text of <paramref name="html"/>: tags removed, ASCII white space collapsed (no-break spaces kept).</summary>
    private static string TextOf(string html) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "), @"[ \t\r\n]+", " ")
            .Replace(" .", ".", StringComparison.Ordinal);

    private static string Row(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, marker);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
