using System.Net;
using System.Text;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Web;

/// <summary>
/// Issue 16, item 9: the status code page answers with the failed request's own status
/// (<c>IStatusCodeReExecuteFeature</c>), whatever the re-executed request's form or query says.
/// </summary>
public sealed class StatusCodePageTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Theory]
    [InlineData("code=EVIL")]
    [InlineData("code=99999")]
    [InlineData("code=200")]
    [InlineData("code=%00")]
    [InlineData("title=a%00b")]
    public async Task Post_UnknownPathWithACodeInTheForm_Answers404WithThe404Page(string form)
    {
        using var client = app.CreateClient();

        var response = await client.PostAsync("/no/such", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Page not found").And.Contain("HTTP 404");
    }

    [Fact]
    public async Task Get_UnknownPathWithACodeInTheQuery_Answers404()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/no/such?code=99999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("HTTP 404");
    }

    [Fact]
    public async Task Post_UnknownPathWithAMalformedMultipartBody_Answers404()
    {
        using var client = app.CreateClient();
        var body = new StringContent("--x\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n99999", Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        var response = await client.PostAsync("/no/such", body);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/status/500")]
    [InlineData("/status/200")]
    public async Task Get_StatusPageDirectly_Answers404(string path)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
