using System.Net;
using Stripe;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// Tells a refetch of an object this Stripe account does not hold (a test-data reset, another Stripe account's event, a
/// deleted object, a connected account that is not ours) from a failure worth retrying: Stripe answers 404
/// <c>resource_missing</c> (https://docs.stripe.com/error-codes/resource-missing), or 403 <c>account_invalid</c> for a
/// <c>Stripe-Account</c> the platform cannot reach (https://docs.stripe.com/error-codes/account-invalid).
/// </summary>
public static class StripeObjectAbsence
{
    /// <summary>Attempts (the first and one short retry) after which an absent object makes the event Ignored.</summary>
    public const int AttemptsBeforeIgnoring = 2;

    /// <summary>Why the event cannot be acted on ("No such subscription: 'sub_…' on this Stripe account"), or null when <paramref name="exception"/> is another failure.</summary>
    public static string? Describe(Exception exception) => exception is StripeException stripe ? (stripe.HttpStatusCode, stripe.StripeError?.Code) switch
    {
        (HttpStatusCode.NotFound, "resource_missing") => $"{stripe.StripeError!.Message ?? "No such object"} on this Stripe account (resource_missing)",
        (HttpStatusCode.Forbidden, "account_invalid") => $"the connected account is not reachable from this Stripe account (account_invalid: {stripe.StripeError!.Message})",
        _ => null,
    } : null;
}
