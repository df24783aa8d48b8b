using System.Net;
using Marketplace.Tests.Infrastructure;
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
        html.Should().Contain("<tr><td>Home Poster</td><td class=\"text-end\">1</td></tr>");
        html.Should().Contain("<a href=\"/creator/sales\">Open disputes: 0</a>");
        html.Should().Contain("data-step=\"payments\" data-done=\"true\"");
    }

    private async Task<BrowserSession> NewCreatorAsync(string name)
    {
        var creator = app.Visitor();
        (await creator.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return creator;
    }
}
