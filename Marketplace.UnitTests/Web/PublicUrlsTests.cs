using Marketplace.Web.Configuration;
using Microsoft.AspNetCore.Http;
using Marketplace.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Web;

/// <summary>The URLs Stripe sends users back to: the configured public address wins over a forged Host header.</summary>
public sealed class PublicUrlsTests
{
    [Fact]
    public void For_PublicBaseUrlConfigured_IgnoresTheRequestsHost()
    {
        var urls = new PublicUrls(Configuration("https://market.example.com/"));

        urls.For(Request("evil.example"), "/creator/connect/return").Should().Be("https://market.example.com/creator/connect/return");
    }

    [Fact]
    public void For_NothingConfigured_UsesTheRequestsSchemeHostAndPathBase()
    {
        var request = Request("localhost:5000");
        request.PathBase = "/shop";

        new PublicUrls(Configuration(null)).For(request, "/creator/subscription").Should().Be("http://localhost:5000/shop/creator/subscription");
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("https://evil.example/x")]
    public void For_PathThatNamesAnotherHost_Refused(string path)
    {
        var act = () => new PublicUrls(Configuration("https://market.example.com")).For(Request("localhost"), path);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void For_BaseUrlNotAbsoluteHttp_RefusedNamingTheKey()
    {
        var act = () => new PublicUrls(Configuration("market.example.com")).For(Request("localhost"), "/");

        act.Should().Throw<InvalidOperationException>().WithMessage("*App:PublicBaseUrl*");
    }

    private static IOptions<AppOptions> Configuration(string? baseUrl) => Options.Create(new AppOptions { PublicBaseUrl = baseUrl });

    private static HttpRequest Request(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        return context.Request;
    }
}
