using System.Net;
using Marketplace.Core.Emails;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Buyers;

/// <summary>
/// "Find my orders" through the pages and a real SMTP server: the same answer for every address, one email with a link
/// only for an address with orders, the link listing the orders once, 410 once expired or used, 400 when changed.
/// </summary>
public sealed class OrdersByEmailTests(BuyersFactory app) : IClassFixture<BuyersFactory>
{
    [Fact]
    public async Task FindOrders_AddressWithoutOrders_SameAnswerAsWithOrdersAndNoEmail()
    {
        using var shop = await app.ShopAsync();
        var known = BuyerScenarios.NewEmail("known");
        var unknown = BuyerScenarios.NewEmail("unknown");
        await app.PaidOrderAsync(shop, email: known);
        using var visitor = app.Visitor();

        var forKnown = await visitor.FindOrdersAsync(known);
        var forUnknown = await visitor.FindOrdersAsync(unknown);
        await app.Smtp.WaitForAsync(known, m => m.Subject == "Your orders on Marketplace");

        forUnknown.StatusCode.Should().Be(forKnown.StatusCode).And.Be(HttpStatusCode.OK);
        var knownPage = (await forKnown.Content.ReadAsStringAsync()).Replace(known, "ADDRESS", StringComparison.Ordinal);
        var unknownPage = (await forUnknown.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS", StringComparison.Ordinal);
        unknownPage.Should().Be(knownPage).And.Contain("If orders were paid with ADDRESS, we have sent a link to that address.");
        (await app.OutboxAsync(EmailKinds.OrdersLink)).Select(e => e.To).Should().Contain(known).And.NotContain(unknown);
        app.Smtp.To(unknown).Should().BeEmpty();
    }

    [Fact]
    public async Task OrdersLink_OpenedTwice_ListsEveryOrderOnceThen410()
    {
        using var shop = await app.ShopAsync(title: "Poster Nuit");
        var email = BuyerScenarios.NewEmail();
        var first = await app.PaidOrderAsync(shop, email: email);
        var second = await app.PaidOrderAsync(shop, email: email);
        using var visitor = app.Visitor();
        await visitor.FindOrdersAsync(email);
        var link = (await app.Smtp.WaitForAsync(email, m => m.Subject == "Your orders on Marketplace")).OrdersLink();

        var opened = await visitor.Client.GetAsync(link);
        var again = await visitor.Client.GetAsync(link);

        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        var list = await opened.Content.ReadAsStringAsync();
        list.Should().Contain($"/orders/{first.PublicToken}\"").And.Contain($"/orders/{second.PublicToken}\"").And.Contain("Poster Nuit");
        opened.Headers.CacheControl!.NoStore.Should().BeTrue();
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await again.Content.ReadAsStringAsync()).Should().Contain("This link was already used").And.Contain("href=\"/orders/find\"");
        (await visitor.Client.GetAsync($"/orders/{first.PublicToken}")).StatusCode.Should().Be(HttpStatusCode.OK, "each order's own page keeps working");
    }

    [Fact]
    public async Task OrdersLink_AfterItsThirtyMinutes_410SayingToAskForANewOne()
    {
        using var shop = await app.ShopAsync();
        var email = BuyerScenarios.NewEmail();
        await app.PaidOrderAsync(shop, email: email);
        using var visitor = app.Visitor();
        await visitor.FindOrdersAsync(email);
        var link = (await app.Smtp.WaitForAsync(email, m => m.Subject == "Your orders on Marketplace")).OrdersLink();

        HttpResponseMessage expired;
        app.Clock.Offset = TimeSpan.FromMinutes(31);
        try
        {
            expired = await visitor.Client.GetAsync(link);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        expired.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await expired.Content.ReadAsStringAsync()).Should().Contain("This link has expired").And.Contain("href=\"/orders/find\"");
    }

    [Fact]
    public async Task OrdersLink_TokenChanged_400AndTheRealLinkStillWorks()
    {
        using var shop = await app.ShopAsync();
        var email = BuyerScenarios.NewEmail();
        await app.PaidOrderAsync(shop, email: email);
        using var visitor = app.Visitor();
        await visitor.FindOrdersAsync(email);
        var link = (await app.Smtp.WaitForAsync(email, m => m.Subject == "Your orders on Marketplace")).OrdersLink();
        var last = link[^5];
        var tampered = link[..^5] + (last == 'A' ? 'B' : 'A') + link[^4..];

        var refused = await visitor.Client.GetAsync(tampered);
        var garbage = await visitor.Client.GetAsync("/orders/by-email?token=not-a-token");
        var real = await visitor.Client.GetAsync(link);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("This link is not valid").And.Contain("href=\"/orders/find\"");
        garbage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        real.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FindOrders_FourTimesInAnHourForOneAddress_ThreeEmailsAndTheSameAnswer()
    {
        using var shop = await app.ShopAsync();
        var email = BuyerScenarios.NewEmail();
        await app.PaidOrderAsync(shop, email: email);
        using var visitor = app.Visitor();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) answers.Add((await visitor.FindOrdersAsync(email)).StatusCode);

        answers.Should().OnlyContain(s => s == HttpStatusCode.OK);
        (await app.OutboxAsync(EmailKinds.OrdersLink)).Count(e => e.To == email).Should().Be(3);
    }
}

/// <summary>The per client address limit of "find my orders" (2 a minute here), on the in-memory server.</summary>
public sealed class OrdersByEmailAddressLimitTests
{
    [Fact]
    public async Task FindOrders_ThirdPostInAMinuteFromOneAddress_429()
    {
        await using var app = new MarketplaceFactory { Settings = new Dictionary<string, string?> { ["Buyers:OrdersLinkPerAddressPerMinute"] = "2" } };
        using var visitor = BrowserSession.For(app);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await visitor.FindOrdersAsync(BuyerScenarios.NewEmail())).StatusCode);

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }
}
