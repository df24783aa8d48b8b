using Marketplace.StripeGateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Marketplace.Web.StripeBudget;

/// <summary>
/// The web side of the Stripe request budget (<see cref="StripeRequestBudget"/>): every web request's Stripe calls go
/// in the interactive lane (a person waits for them), and a Stripe call that still meets a rate limit shows the
/// "Stripe is busy" page instead of an error.
/// </summary>
public static class StripeLaneWeb
{
    /// <summary>Runs the rest of the pipeline in <see cref="StripeLane.Interactive"/>; jobs stay in the background lane.</summary>
    public static IApplicationBuilder UseInteractiveStripeLane(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using (StripeLanes.Enter(StripeLane.Interactive)) await next(context);
        });

    /// <summary>Adds <see cref="StripeBusyFilter"/> to every controller action.</summary>
    public static IServiceCollection AddStripeBusyPage(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add(new StripeBusyFilter()));
}

/// <summary>
/// A Stripe rate limit (HTTP 429, from Stripe after Stripe.net's retries, or from this process's budget when the
/// person's request could not get its turn within <c>Stripe:InteractiveWaitSeconds</c>) that an action did not handle
/// itself: 503 with <c>Retry-After: 5</c> and the page <c>Shared/StripeBusy</c> ("Stripe is busy, try again in a
/// moment"), never a 500. Nothing ran at Stripe, so trying again is safe. A JSON client is left to the app's exception
/// handler, which answers ProblemDetails (503 with <c>Retry-After</c>).
/// </summary>
public sealed class StripeBusyFilter : IExceptionFilter
{
    /// <summary>Seconds the page (and its <c>Retry-After</c>) asks the person to wait.</summary>
    public const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public void OnException(ExceptionContext context)
    {
        if (!StripeRateLimit.IsRateLimited(context.Exception)) return;
        if (Errors.ExceptionResponses.WantsProblemDetails(context.HttpContext.Request)) return; // the exception handler answers ProblemDetails
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Result = new ViewResult { ViewName = "StripeBusy", StatusCode = StatusCodes.Status503ServiceUnavailable };
        context.ExceptionHandled = true;
    }
}
