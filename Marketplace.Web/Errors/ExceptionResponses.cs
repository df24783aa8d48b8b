using System.Globalization;
using Marketplace.Core;
using Marketplace.StripeGateway;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Errors;

/// <summary>
/// The one place where a failure thrown by an action becomes a response (after jasontaylordev/CleanArchitecture's
/// <c>ProblemDetailsExceptionHandler</c>): Stripe failures (<see cref="StripeFailure.From"/>) and broken domain rules
/// (<see cref="DomainException"/>). An API or JSON request gets ProblemDetails (503 with <c>Retry-After</c> when
/// Stripe could not be reached or rate-limited us, 402 for a declined card, 502 for another refusal, 400 for a domain
/// rule). A browser gets, for an action marked <see cref="OnStripeFailureAttribute"/>, its page: a 303 to it with the
/// message in TempData, or the page shown in place with its status; for a Stripe rate limit elsewhere (HTTP 429 from
/// Stripe after Stripe.net's retries, or this process's budget when the person's request could not get its turn within
/// <c>Stripe:InteractiveWaitSeconds</c>), 503 with <c>Retry-After: 5</c> and the page <c>Shared/StripeBusy</c> ("Stripe
/// is busy, try again in a moment": nothing ran at Stripe, so trying again is safe); for a domain rule, a 303 back to
/// the page it came from with the rule in the reader's language. Anything else is not handled here: the error page
/// (503 for a Stripe outage, see <see cref="StatusCodeFor"/>).
/// </summary>
public sealed class ExceptionResponses(IStringLocalizer<SharedResource> text, ITempDataDictionaryFactory tempData, PageReExecution pages,
    ILogger<ExceptionResponses> logger) : IExceptionHandler
{
    /// <summary>Seconds the "Stripe is busy" page (and its <c>Retry-After</c>) asks the person to wait.</summary>
    public const int BusyRetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var stripe = StripeFailure.From(exception, context.RequestAborted);
        var domain = exception as DomainException;
        if ((stripe is null && domain is null) || context.Response.HasStarted) return false;

        // The request's culture was set inside the pipeline that threw; the message is said in it.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }

        var feature = context.Features.Get<IExceptionHandlerFeature>();
        logger.LogWarning(exception, "{Method} {Path} failed: {Failure}", context.Request.Method, feature?.Path ?? context.Request.Path.Value,
            stripe is null ? "domain rule" : $"Stripe {stripe.Kind} {stripe.Code}");

        if (WantsProblemDetails(context.Request)) return await WriteProblemAsync(context, stripe, domain);

        if (stripe is not null && feature?.Endpoint?.Metadata.GetMetadata<OnStripeFailureAttribute>() is { } page)
        {
            var message = page.RefusalMessage is { } refused && stripe.IsRefusal ? text[refused, stripe.Message ?? ""].Value : text[page.Message].Value;
            var path = page.PathFor(feature.RouteValues);
            if (page.ShowStatus == 0) return Redirect(context, context.Request.PathBase + path, page.Level, message);
            OnStripeFailureAttribute.SetMessage(context, message);
            return await pages.ShowAsync(context, path, page.ShowStatus);
        }

        if (StripeRateLimit.IsRateLimited(exception)) return await BusyPageAsync(context, feature);

        if (domain is not null && LocalReferer(context.Request) is { } back) return Redirect(context, back, "Error", text.Say(domain.Text));
        return false;
    }

    /// <summary>The status of the error page for an exception no handler took: 503 for a Stripe outage, else 500.</summary>
    public static int StatusCodeFor(Exception exception) =>
        StripeFailure.From(exception) is { Kind: StripeFailureKind.Unavailable } ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    private static async Task<bool> BusyPageAsync(HttpContext context, IExceptionHandlerFeature? feature)
    {
        var action = feature?.Endpoint?.Metadata.GetMetadata<ActionDescriptor>() ?? new ActionDescriptor();
        var route = new RouteData(new RouteValueDictionary(feature?.RouteValues ?? new RouteValueDictionary()));
        context.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        // The exception handler cleared the endpoint; links on the page (endpoint routing's URL helper) need one.
        context.SetEndpoint(feature?.Endpoint ?? new Endpoint(null, EndpointMetadataCollection.Empty, "Stripe is busy"));
        await new ViewResult { ViewName = "StripeBusy", StatusCode = StatusCodes.Status503ServiceUnavailable }
            .ExecuteResultAsync(new ActionContext(context, route, action));
        return true;
    }

    private bool Redirect(HttpContext context, string path, string level, string message)
    {
        var data = tempData.GetTempData(context);
        data[level] = message;
        data.Save();
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = path;
        return true;
    }

    private async Task<bool> WriteProblemAsync(HttpContext context, StripeFailure? stripe, DomainException? domain)
    {
        var (status, title, detail) = stripe switch
        {
            { Kind: StripeFailureKind.Unavailable } => (StatusCodes.Status503ServiceUnavailable, "Stripe could not be reached", text[OnStripeFailureAttribute.StripeDown].Value),
            { Kind: StripeFailureKind.CardDeclined } => (StatusCodes.Status402PaymentRequired, "The card was declined", stripe.Message),
            { } refused => (StatusCodes.Status502BadGateway, "Stripe refused the request", refused.Message),
            null => (StatusCodes.Status400BadRequest, "A rule of the marketplace forbids this", text.Say(domain!.Text)),
        };
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "60";
        await Results.Problem(detail: detail, statusCode: status, title: title,
            extensions: stripe?.Code is { } code ? new Dictionary<string, object?> { ["stripeCode"] = code } : null).ExecuteAsync(context);
        return true;
    }

    /// <summary>True for <c>/api</c> paths and clients that accept JSON but not HTML: they get ProblemDetails, not pages.</summary>
    internal static bool WantsProblemDetails(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || (request.Headers.Accept.ToString() is { } accept && accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The path of the Referer when it is this site's (never an open redirect), else null.</summary>
    private static string? LocalReferer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? referer.PathAndQuery
            : null;
}
