using System.Net;
using System.Text;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Orders;

/// <summary>The creator's sales page, its CSV export and the Express dashboard button, after real payments on the emulator.</summary>
public abstract class CreatorSalesTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : OrdersFactory
{
    [Fact]
    public async Task Sales_TwoPaidOnePending_RowsAndThisMonthsTotalsPerCurrency()
    {
        using var shop = await app.ShopAsync();
        await PaidOrderAsync(shop);
        await PaidOrderAsync(shop);
        using var browsing = app.Visitor();
        await browsing.BuyAsync(shop); // pending: listed, not counted

        var html = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));

        html.Should().Contain("buyer@example.com").And.Contain("Poster A2").And.Contain("Awaiting payment");
        Row(html, "this-eur").Should().Contain("€50.00").And.Contain("€5.00").And.Contain("€45.00");
        Row(html, "all-eur").Should().Contain("€50.00").And.Contain("€45.00");
        Row(html, "last-eur").Should().Contain("€0.00");
        html.Should().Contain("data-testid=\"express-dashboard\"");
        using var other = await app.ShopAsync();
        WebUtility.HtmlDecode(await other.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("No paid order yet").And.NotContain("buyer@example.com");
    }

    [Fact]
    public async Task Export_TitleThatLooksLikeAFormula_TextCsvUtf8WithTheFormulaEscaped()
    {
        using var shop = await app.ShopAsync(title: "=HYPERLINK(\"http://evil.example\",\"Prize\")");
        await PaidOrderAsync(shop);

        var response = await shop.Creator.Client.GetAsync("/creator/sales/export.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be(string.Join(',', SalesCsv.Header));
        lines.Should().HaveCount(2);
        lines[1].Should().Contain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Prize\"\")\"").And.Contain(",Paid,").And.Contain(",EUR,25.00,0.00,0.00,0.00,2.50,22.50,pi_");
    }

    [Fact]
    public async Task Sales_ManyOrders_PagedBy25()
    {
        using var shop = await app.ShopAsync();
        for (var i = 0; i < 27; i++)
        {
            using var visitor = app.Visitor();
            (await visitor.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        }

        var first = await shop.Creator.Client.GetStringAsync("/creator/sales");
        var second = await shop.Creator.Client.GetStringAsync("/creator/sales?page=2");

        System.Text.RegularExpressions.Regex.Count(first, "data-order-id=").Should().Be(25);
        System.Text.RegularExpressions.Regex.Count(second, "data-order-id=").Should().Be(2);
        first.Should().Contain("Page 1 of 2");
    }

    [Fact]
    public async Task ExpressDashboard_OnboardedCreator_303ToAFreshLoginLinkEachTime()
    {
        using var shop = await app.ShopAsync();

        var first = await shop.Creator.SubmitFormAsync("/creator/sales", new Dictionary<string, string>(), "/creator/connect/dashboard");
        var second = await shop.Creator.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/dashboard");

        first.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        second.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        first.Headers.Location!.AbsolutePath.Should().StartWith("/express/");
        second.Headers.Location.Should().NotBe(first.Headers.Location, "a login link is single use: each click gets a new one");
        using var stripe = new HttpClient();
        (await stripe.GetAsync(first.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ExpressDashboard_NotOnboarded_409AndNoStripeRequest()
    {
        using var creator = app.NewBrowser();
        await creator.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", "Not onboarded");
        var since = DateTimeOffset.UtcNow;

        var response = await creator.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/dashboard");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("opens once you have finished Stripe's onboarding");
        app.RequestsSince(since).Should().NotContain(r => r.Path.Contains("login_links", StringComparison.Ordinal));
    }

    private async Task PaidOrderAsync(Shop shop)
    {
        using var visitor = app.Visitor();
        var back = await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!);
        (await visitor.Client.GetAsync(back)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await app.WithDbAsync(db => db.Orders.CountAsync(o => o.CreatorProfileId == shop.CreatorId && o.Status == OrderStatus.Paid))).Should().BePositive();
    }

    private static string Row(string html, string key)
    {
        var start = html.IndexOf($"data-total=\"{key}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, key);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

/// <summary>The creator's sales (totals per currency and period, paging, CSV) on SQLite.</summary>
public sealed class CreatorSalesTests(OrdersFactory app) : CreatorSalesTests<OrdersFactory>(app);
