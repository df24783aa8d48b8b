using System.Net;
using Marketplace.Tests.Infrastructure;
using Xunit.Abstractions;

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
public sealed class BuyerBoundsTests(BuyerBoundsFactory app, ITestOutputHelper output) : IClassFixture<BuyerBoundsFactory>
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

    [Fact]
    public async Task Buy_TwoHundredSignedInClicksInTenSeconds_AtMostTheCapOfSessionsAndAnotherVisitorStillBuys()
    {
        using var shop = await app.ShopAsync();
        using var abuser = app.NewBrowser();
        await abuser.RegisterCreatorAsync($"b{Guid.NewGuid():N}@example.com", "Two hundred clicks", Password);
        using var visitor = app.NewBrowser();
        var since = TimeProvider.System.GetUtcNow();

        var clicks = new List<Task<HttpResponseMessage>>();
        HttpResponseMessage? visitorBuy = null;
        var visitorTook = TimeSpan.Zero;
        for (var second = 0; second < 10; second++)
        {
            for (var i = 0; i < 20; i++) clicks.Add(abuser.BuyAsync(shop));
            if (second == 5)
            {
                var started = TimeProvider.System.GetTimestamp();
                visitorBuy = await visitor.BuyAsync(shop);
                visitorTook = TimeProvider.System.GetElapsedTime(started);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var answers = await Task.WhenAll(clicks);

        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.SeeOther);
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.SeeOther || a.StatusCode == HttpStatusCode.TooManyRequests);
        accepted.Should().BeLessThanOrEqualTo(12, "6 Buy clicks a minute per user (a minute's boundary may fall inside the ten seconds)");
        var orders = await app.OrdersOfAsync(shop.CreatorId);
        orders.Count(o => o.BuyerUserId is not null).Should().BeLessThanOrEqualTo(3, "at most 3 open Checkout Sessions per buyer and listing");
        visitorBuy!.StatusCode.Should().Be(HttpStatusCode.SeeOther, "another visitor's Buy is not starved by the clicks");
        orders.Should().ContainSingle(o => o.BuyerUserId == null);
        app.RequestsSince(since).Count(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions").Should().BeLessThanOrEqualTo(4);
        output.WriteLine($"200 clicks: {accepted} accepted, {answers.Length - accepted} answered 429; the other visitor's Buy took {visitorTook.TotalMilliseconds:F0} ms");
    }
}
