using System.Net;
using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>What kind of failure a call through <see cref="IStripeGateway"/> met (<see cref="StripeFailure.From"/>).</summary>
public enum StripeFailureKind
{
    /// <summary>
    /// Stripe could not be reached or could not answer (a 5xx or 429 answer, a network error, a timeout): the outcome
    /// is unknown, so the same request with the same idempotency key may be tried again later.
    /// </summary>
    Unavailable,

    /// <summary>Stripe answered and refused the request (a 4xx other than 402 and 429); <see cref="StripeFailure.Message"/> says why.</summary>
    Refused,

    /// <summary>
    /// The card was declined: HTTP 402 or error code <c>card_declined</c>
    /// (https://docs.stripe.com/declines, https://docs.stripe.com/error-codes/card-declined).
    /// </summary>
    CardDeclined,
}

/// <summary>
/// The one map of Stripe failures (https://docs.stripe.com/error-handling, https://docs.stripe.com/api/errors): HTTP
/// status and <c>error.code</c> of a <see cref="StripeException"/>, or the transport's exception, turned into
/// <see cref="StripeFailureKind"/> with Stripe's own <c>error.code</c> and <c>error.message</c>. Services and controllers
/// decide from it what the user reads; nothing outside the gateway needs <c>using Stripe;</c> for it.
/// </summary>
/// <param name="Kind">Unavailable, refused or card declined.</param>
/// <param name="Code">Stripe's <c>error.code</c> (<c>amount_too_small</c>, <c>card_declined</c>, …); null when Stripe did not answer.</param>
/// <param name="Message">Stripe's <c>error.message</c> (or the exception's message); null when Stripe did not answer.</param>
public sealed record StripeFailure(StripeFailureKind Kind, string? Code, string? Message)
{
    /// <summary>
    /// The failure <paramref name="exception"/> stands for, or null when it is not one of Stripe's (a bug, or
    /// <paramref name="requestAborted"/> cancelled: the caller went away, so nothing is to be shown).
    /// </summary>
    public static StripeFailure? From(Exception exception, CancellationToken requestAborted = default) => exception switch
    {
        StripeException stripe when stripe.StripeError?.Code == "card_declined" || stripe.HttpStatusCode == HttpStatusCode.PaymentRequired =>
            new(StripeFailureKind.CardDeclined, stripe.StripeError?.Code, stripe.StripeError?.Message ?? stripe.Message),
        StripeException { HttpStatusCode: >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError and not HttpStatusCode.TooManyRequests } stripe =>
            new(StripeFailureKind.Refused, stripe.StripeError?.Code, stripe.StripeError?.Message ?? stripe.Message),
        StripeException stripe => new(StripeFailureKind.Unavailable, stripe.StripeError?.Code, stripe.StripeError?.Message),
        HttpRequestException or TimeoutException => new(StripeFailureKind.Unavailable, null, null),
        TaskCanceledException when !requestAborted.IsCancellationRequested => new(StripeFailureKind.Unavailable, null, null),
        _ => null,
    };

    /// <summary>True when Stripe answered with a refusal (refused or card declined): retrying the same request cannot succeed.</summary>
    public bool IsRefusal => Kind != StripeFailureKind.Unavailable;
}
