using Marketplace.Web.Configuration;
using Marketplace.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Web;

/// <summary>Public HTTPS URLs, for what Stripe fetches itself (Checkout's product images).</summary>
public sealed class PublicUrlsHttpsTests
{
    [Theory]
    [InlineData("https://market.example.com/", "https://market.example.com/images/ab/x.jpg")]
    [InlineData("http://market.example.com", null)]
    [InlineData("", null)]
    public void PublicHttpsFor_BaseUrl_UrlOnlyWhenHttps(string baseUrl, string? expected)
    {
        var urls = new PublicUrls(Options.Create(new AppOptions { PublicBaseUrl = baseUrl }));

        urls.PublicHttpsFor("/images/ab/x.jpg").Should().Be(expected);
    }
}
