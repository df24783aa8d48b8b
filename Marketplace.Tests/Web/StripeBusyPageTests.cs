using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Web;

/// <summary>
/// The app's exception handler (<see cref="ExceptionResponses"/>, with the app's real views and services) on a page
/// that names no failure page of its own: a Stripe rate limit is the "Stripe is busy" page, anything else the error page.
/// </summary>
public sealed class StripeBusyPageTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task TryHandleAsync_StripeRateLimit_BusyPage503WithRetryAfter()
    {
        var (handled, context, page) = await HandleAsync(new StripeException(HttpStatusCode.TooManyRequests, new StripeError { Code = "rate_limit" }, "Request rate limit exceeded."));

        handled.Should().BeTrue();
        context.Response.StatusCode.Should().Be(StatusCodes.Status503ServiceUnavailable);
        context.Response.Headers.RetryAfter.ToString().Should().Be("5");
        page.Should().Contain("Stripe is busy").And.Contain("nothing has changed. Please try again in a moment.");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task TryHandleAsync_OtherStripeFailure_LeftToTheErrorPage(HttpStatusCode status)
    {
        var (handled, _, page) = await HandleAsync(new StripeException(status, new StripeError { Code = "api_error" }, "boom"));

        handled.Should().BeFalse();
        page.Should().BeEmpty();
    }

    private async Task<(bool Handled, HttpContext Context, string Page)> HandleAsync(Exception exception)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = "/creator/sales";
        context.Request.Headers.Accept = "text/html";
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = app.Services.GetServices<IExceptionHandler>().OfType<ExceptionResponses>().Single();

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        return (handled, context, WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(body.ToArray())));
    }
}
