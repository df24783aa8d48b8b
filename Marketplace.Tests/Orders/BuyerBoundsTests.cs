using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Orders;

/// <summary>The live app with at most 3 open Checkout Sessions per signed-in buyer and listing, and 6 Buy clicks a minute per user.</summary>
public sealed class BuyerBoundsFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Orders:AnonymousBuyPermitPerMinute"] = "10000",
    ["Orders:SignedInBuyPermitPerMinute"] = "6",
    ["Orders:MaxOpenCheckoutsPerBuyer"] = "3",
});

/// <summary>
/// A shared browser never hands one person's Checkout Session to the next, and a signed-in buyer's Buy is bounded
/// however many browsers (buyer cookies) they use.
/// </summary>
public sealed class BuyerBoundsTests(BuyerBoundsFactory app) : IClassFixture<BuyerBoundsFactory>
{
    private const string Password = "Buyer#12345";

    [Fact]
    public async Task Buy_NextVisitorAfterSignOutOnTheSameBrowser_NewSessionAndNotInTheUsersPurchases()
    {
        using var shop = await app.ShopAsync();
        using var shared = app.NewBrowser();
        await shared.RegisterCreatorAsync($"b{Guid.NewGuid():N}@example.com", "First person", Password);
        var first = await shared.BuyAsync(shop);
        var signedOut = await shared.SubmitFormAsync(shop.ListingPage, new Dictionary<string, string>(), "/Identity/Account/Logout");
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var next = await shared.BuyAsync(shop);

        first.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        next.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        next.Headers.Location.Should().NotBe(first.Headers.Location!, "the first person's session carries their email and account");
        var orders = await app.OrdersOfAsync(shop.CreatorId);
        orders.Should().HaveCount(2);
        orders[1].BuyerUserId.Should().BeNull();
        orders[1].BuyerEmail.Should().BeNull();
    }

    [Fact]
    public async Task Buy_SignedInFromFiveBrowsers_AtMostThreeSessionsThenTheNewestOne()
    {
        using var shop = await app.ShopAsync();
        var email = $"b{Guid.NewGuid():N}@example.com";
        using (var first = app.NewBrowser()) await first.RegisterCreatorAsync(email, "Many browsers", Password);
        var since = TimeProvider.System.GetUtcNow();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            using var browser = app.NewBrowser(); // no buyer cookie carried over
            (await browser.LoginAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            answers.Add(await browser.BuyAsync(shop));
        }

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.SeeOther);
        app.RequestsSince(since).Count(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions").Should().Be(3);
        answers[3].Headers.Location.Should().Be(answers[2].Headers.Location!, "past the cap the buyer goes to their newest open session");
        answers[4].Headers.Location.Should().Be(answers[2].Headers.Location!);
        (await app.OrdersOfAsync(shop.CreatorId)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Buy_SignedInPastThePerUserLimit_429PageAndNoStripeRequest()
    {
        using var shop = await app.ShopAsync();
        using var buyer = app.NewBrowser();
        await buyer.RegisterCreatorAsync($"b{Guid.NewGuid():N}@example.com", "Eager buyer", Password);
        for (var i = 0; i < 6; i++) (await buyer.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var since = TimeProvider.System.GetUtcNow();

        var limited = await buyer.BuyAsync(shop);

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        WebUtility.HtmlDecode(await limited.Content.ReadAsStringAsync()).Should().Contain("Too many attempts");
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/checkout", StringComparison.Ordinal));
    }
}
