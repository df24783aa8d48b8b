namespace Marketplace.Web.Errors;

/// <summary>
/// What a browser sees when this action fails on Stripe (<see cref="StripeGateway.StripeFailure"/>): a 303 to
/// <see cref="RedirectTo"/> (a local path) carrying a message in TempData, shown by that page. Read by
/// <see cref="ExceptionResponses"/>; an action without it gets the 503 error page, an API request ProblemDetails.
/// </summary>
/// <param name="redirectTo">The local path the browser is sent to, e.g. <c>/creator/subscription/upgrade</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnStripeFailureAttribute(string redirectTo) : Attribute
{
    /// <summary>The message when Stripe could not be reached (5xx, 429, network, timeout); a SharedResource key.</summary>
    public const string StripeDown = "We could not reach Stripe just now, so nothing has changed. Please try again in a minute.";

    /// <summary>The message when Stripe refused the request; a SharedResource key with <c>{0}</c> = Stripe's words.</summary>
    public const string StripeRefused = "Stripe refused this change ({0}), so nothing has changed.";

    /// <summary>Where the browser goes: a local path.</summary>
    public string RedirectTo { get; } = redirectTo;

    /// <summary>The TempData key the message goes in: <c>Error</c> (default), <c>Info</c> or <c>Message</c>.</summary>
    public string Level { get; init; } = "Error";

    /// <summary>The message (a SharedResource key) for any Stripe failure; <see cref="StripeDown"/> by default.</summary>
    public string Message { get; init; } = StripeDown;

    /// <summary>When set, a refusal (Stripe answered no) says this instead, with Stripe's words as <c>{0}</c>.</summary>
    public string? RefusalMessage { get; init; }
}
