using System.Net;
using Marketplace.Web.StripeBudget;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Stripe;

namespace Marketplace.UnitTests.Web;

public sealed class StripeBusyFilterTests
{
    private static ExceptionContext Failed(Exception exception) =>
        new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), []) { Exception = exception };

    [Fact]
    public void OnException_StripeRateLimit_BusyPage503WithRetryAfter()
    {
        var context = Failed(new StripeException(HttpStatusCode.TooManyRequests, new StripeError { Code = "rate_limit" }, "Request rate limit exceeded."));

        new StripeBusyFilter().OnException(context);

        context.ExceptionHandled.Should().BeTrue();
        var page = context.Result.Should().BeOfType<ViewResult>().Subject;
        (page.ViewName, page.StatusCode).Should().Be(("StripeBusy", 503));
        context.HttpContext.Response.Headers.RetryAfter.ToString().Should().Be("5");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    public void OnException_OtherStripeFailure_LeftToTheErrorPage(HttpStatusCode status)
    {
        var context = Failed(new StripeException(status, new StripeError { Code = "api_error" }, "boom"));

        new StripeBusyFilter().OnException(context);

        context.ExceptionHandled.Should().BeFalse();
        context.Result.Should().BeNull();
    }
}
