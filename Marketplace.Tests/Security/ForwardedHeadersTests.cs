using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;

namespace Marketplace.Tests.Security;

/// <summary>
/// The live app in Production (where forwarded headers were once believed from loopback; on the emulator, asked for by
/// name) with 3 anonymous Buy clicks a minute per address and no known proxy (the default).
/// </summary>
public sealed class NoKnownProxyBuyLimitFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Orders:AnonymousBuyPermitPerMinute"] = "3",
    ["Stripe:Mode"] = "Emulator",
}, environment: "Production");

/// <summary>The same, with the test client's loopback address configured as a known proxy.</summary>
public sealed class LoopbackProxyBuyLimitFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Orders:AnonymousBuyPermitPerMinute"] = "3",
    ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
});

/// <summary>X-Forwarded-For is believed only from a configured proxy, so a client cannot pick the address it is limited by.</summary>
public sealed class ForwardedHeadersTests(NoKnownProxyBuyLimitFactory app) : IClassFixture<NoKnownProxyBuyLimitFactory>
{
    [Fact]
    public async Task Buy_RotatingXForwardedForFromLoopback_StillLimitedPerConnectionAddress()
    {
        var answers = await BuyWithForwardedForAsync(app, ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]);

        answers.Take(3).Should().OnlyContain(s => s == HttpStatusCode.SeeOther);
        answers[3].Should().Be(HttpStatusCode.TooManyRequests, "a forged X-Forwarded-For from a client that is no known proxy is ignored");
    }

    /// <summary>One new browser per address, each clicking Buy once with that X-Forwarded-For.</summary>
    internal static async Task<List<HttpStatusCode>> BuyWithForwardedForAsync(LiveMarketplaceFactory app, string[] addresses)
    {
        using var shop = await app.ShopAsync();
        var answers = new List<HttpStatusCode>();
        foreach (var address in addresses)
        {
            using var visitor = app.Visitor();
            visitor.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            answers.Add((await visitor.BuyAsync(shop)).StatusCode);
        }

        return answers;
    }
}

/// <summary>A configured proxy's X-Forwarded-For is the client address the per-address limits use.</summary>
public sealed class KnownProxyTests(LoopbackProxyBuyLimitFactory app) : IClassFixture<LoopbackProxyBuyLimitFactory>
{
    [Fact]
    public async Task Buy_FromAKnownProxy_EachForwardedAddressHasItsOwnLimit()
    {
        var answers = await ForwardedHeadersTests.BuyWithForwardedForAsync(app,
            ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"]);

        answers.Should().Equal(HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests, HttpStatusCode.SeeOther);
    }
}
