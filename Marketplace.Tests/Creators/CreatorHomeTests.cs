using System.Net;
using Marketplace.Core.PageViews;
using Marketplace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;

namespace Marketplace.Tests.Creators;

/// <summary>The creator's home <c>/creator</c>: the start checklist, then the last 30 days.</summary>
public sealed class CreatorHomeTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Home_NewCreator_ChecklistWithEveryStepToDoAndNoSales()
    {
        using var creator = await NewCreatorAsync("Beginner");

        var response = await creator.Client.GetAsync("/creator");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("data-testid=\"checklist\"");
        foreach (var step in new[] { "payments", "plan", "listing", "share" }) html.Should().Contain($"data-step=\"{step}\" data-done=\"false\"");
        html.Should().Contain("<a href=\"/creator/connect\">Set up payments with Stripe</a>").And.Contain("No paid order in the last 30 days.");
    }

    [Fact]
    public async Task Home_KeepFreeAndViewMyShop_ThoseStepsDone()
    {
        using var creator = await NewCreatorAsync("Free Keeper");

        (await creator.SubmitFormAsync("/creator", new Dictionary<string, string>(), "/creator/keep-free")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await creator.Client.GetAsync("/creator/shop/view");

        var html = await creator.Client.GetStringAsync("/creator");
        html.Should().Contain("data-step=\"plan\" data-done=\"true\"").And.Contain("data-step=\"share\" data-done=\"true\"")
            .And.Contain("data-step=\"payments\" data-done=\"false\"");
    }

    [Fact]
    public async Task Home_AfterAPaidOrder_TodaysSaleNetOfFeesTopListingAndDisputesLink()
    {
        using var shop = await app.ShopAsync(title: "Home Poster", price: "25.00");
        await app.PaidOrderAsync(shop);

        var html = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator"));

        html.Should().Contain("data-testid=\"daily-sales-eur\"").And.Contain("1 paid orders, net €22.50");
        html.Should().Contain("<td class=\"text-end\">1</td><td class=\"text-end\">€22.50</td>");
        html.Should().Contain("<tr><td>Home Poster</td><td class=\"text-end\">1</td><td class=\"text-end\">0</td></tr>");
        html.Should().Contain("<a href=\"/creator/sales\">Open disputes: 0</a>");
        html.Should().Contain("data-step=\"payments\" data-done=\"true\"");
    }

    [Fact]
    public async Task Home_VisitorsAndABotSawTheShop_ViewsOfPeopleAndConversionShown()
    {
        using var shop = await app.ShopAsync(title: "Viewed Poster", price: "10.00");
        await app.PaidOrderAsync(shop);
        using var visitor = app.Visitor();
        visitor.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
        using var bot = app.Visitor();
        bot.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await app.Services.GetRequiredService<PageViewFlusher>().FlushAsync();

        (await visitor.Client.GetAsync($"/c/{shop.Slug}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await visitor.Client.GetAsync($"/c/{shop.Slug}")).StatusCode.Should().Be(HttpStatusCode.OK, "the second answer comes from the output cache");
        for (var i = 0; i < 4; i++) (await visitor.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bot.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await visitor.Client.GetAsync($"/c/{shop.Slug}/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await app.Services.GetRequiredService<PageViewFlusher>().FlushAsync();

        var html = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator"));
        html.Should().Contain("data-testid=\"views-total\">6<").And.Contain("data-testid=\"views-listings\">4<").And.Contain("data-testid=\"conversion\">25.0");
        html.Should().Contain("<tr><td>Viewed Poster</td><td class=\"text-end\">1</td><td class=\"text-end\">4</td></tr>");
    }

    private async Task<BrowserSession> NewCreatorAsync(string name)
    {
        var creator = app.Visitor();
        (await creator.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return creator;
    }
}
