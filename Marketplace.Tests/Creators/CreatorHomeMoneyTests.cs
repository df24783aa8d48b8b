using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Payouts;
using Stripe;

namespace Marketplace.Tests.Creators;

/// <summary><c>/creator</c>'s balance and next payout, read from Stripe (the emulator) for the creator's Connect account.</summary>
public sealed class CreatorHomeMoneyTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Home_AfterAPaidOrder_PendingBalanceAsStripeHoldsItAndNoPayoutYet()
    {
        using var shop = await app.ShopAsync(title: "Money Poster", price: "25.00");
        await app.PaidOrderAsync(shop);
        var atStripe = await app.Stripe.V1.Balance.GetAsync(requestOptions: new RequestOptions { StripeAccount = shop.AccountId });
        var pending = atStripe.Pending.Where(p => p.Currency == "eur").Sum(p => p.Amount);

        var html = await HomeAsync(shop.Creator);

        pending.Should().Be(2250, "25.00 less the 10 % commission");
        var row = Row(html, "data-balance=\"eur\"");
        row.Should().Contain("data-figure=\"pending\">€22.50<").And.Contain("data-figure=\"available\">€0.00<");
        html.Should().Contain("No payout on its way to your bank.");
    }

    [Fact]
    public async Task Home_StripeFailing_PageRendersWithUnavailableNotesThenFiguresOnTheNextView()
    {
        using var shop = await app.ShopAsync(title: "Outage Poster", price: "25.00");
        await app.PaidOrderAsync(shop);
        await app.QuiesceAsync();
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 100);
        try
        {
            var response = await shop.Creator.Client.GetAsync("/creator");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            html.Should().Contain("Stripe balance unavailable right now").And.Contain("Next payout unavailable right now").And.NotContain("data-balance=");
            html.Should().Contain("1 paid orders, net €22.50", "the rest of the page is there");
        }
        finally
        {
            app.Emulator.FailNextApiCalls(app.ApiKey, 500, 0);
        }

        var after = await HomeAsync(shop.Creator);
        Row(after, "data-balance=\"eur\"").Should().Contain("€22.50", "a failure is not cached");
        after.Should().Contain("No payout on its way to your bank.");
    }

    [Fact]
    public async Task Home_NotOnboarded_NoStripeFigures()
    {
        using var creator = app.Visitor();
        (await creator.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", "Not Onboarded")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var html = await HomeAsync(creator);

        html.Should().Contain("Your balance and payouts show here once Stripe's onboarding is finished.").And.NotContain("data-balance=");
    }

    internal static async Task<string> HomeAsync(BrowserSession session, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/creator");
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await session.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    internal static string Row(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, marker);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

/// <summary><see cref="OrdersFactory"/> whose emulator clock the tests move (scheduled payouts), kept apart from other tests.</summary>
public sealed class PayoutClockFactory : OrdersFactory;

/// <summary><c>/creator</c>'s next payout: one Stripe made on the account's daily schedule, still on its way.</summary>
public sealed class CreatorHomeNextPayoutTests(PayoutClockFactory app) : IClassFixture<PayoutClockFactory>
{
    [Fact]
    public async Task Home_ScheduledPayoutOnItsWay_NextPayoutAmountAndArrivalFromStripe()
    {
        using var shop = await app.ShopAsync(title: "Payout Poster", price: "25.00");
        await app.PaidOrderAsync(shop);

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(8)); // funds available after 7 days, paid out on the next daily run
        var onItsWay = (await app.Stripe.V1.Payouts.ListAsync(new PayoutListOptions { Status = "pending" }, new RequestOptions { StripeAccount = shop.AccountId }))
            .Data.Should().ContainSingle().Subject;
        var html = await CreatorHomeMoneyTests.HomeAsync(shop.Creator);

        onItsWay.Amount.Should().Be(2250);
        html.Should().Contain($"Next payout: €22.50, expected in your bank on {onItsWay.ArrivalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} (UTC)");
        CreatorHomeMoneyTests.Row(html, "data-balance=\"eur\"").Should().Contain("data-figure=\"available\">€0.00<").And.Contain("data-figure=\"pending\">€0.00<");
        var french = await CreatorHomeMoneyTests.HomeAsync(shop.Creator, "fr-FR");
        french.Should().Contain("Prochain versement : 22,50\u00A0€, attendu sur votre compte bancaire le");
    }
}
