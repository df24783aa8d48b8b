using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Orders;

/// <summary>The live app with a small anonymous Buy limit (3 a minute per client address).</summary>
public sealed class LowBuyLimitFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?> { ["Orders:AnonymousBuyPermitPerMinute"] = "3" });

/// <summary>Anonymous Buy is rate limited per client address (each click costs a Stripe call); signed-in buyers per user instead (BuyerBoundsTests).</summary>
public sealed class BuyRateLimitTests(LowBuyLimitFactory app) : IClassFixture<LowBuyLimitFactory>
{
    [Fact]
    public async Task Buy_AnonymousPastTheLimit_429PageAndNoStripeRequest()
    {
        using var shop = await app.ShopAsync();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var visitor = app.Visitor(); // a new browser each time: the limit is per address, not per cookie
            answers.Add((await visitor.BuyAsync(shop)).StatusCode);
        }

        using var fourth = app.Visitor();
        var since = DateTimeOffset.UtcNow;
        var limited = await fourth.BuyAsync(shop);

        answers.Should().OnlyContain(s => s == HttpStatusCode.SeeOther);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.Should().NotBeNull();
        WebUtility.HtmlDecode(await limited.Content.ReadAsStringAsync()).Should().Contain("Too many attempts");
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/checkout", StringComparison.Ordinal));
        using var signedIn = app.NewBrowser();
        await signedIn.RegisterCreatorAsync($"b{Guid.NewGuid():N}@example.com", "Signed-in buyer");
        (await signedIn.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther, "signed-in buyers are not limited per address");
    }
}
