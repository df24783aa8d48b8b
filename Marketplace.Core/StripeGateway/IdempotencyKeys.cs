namespace Marketplace.Core.StripeGateway;

/// <summary>
/// Idempotency keys derived from our own ids (https://docs.stripe.com/api/idempotent_requests): a double click, a
/// retried job or two instances send the same key, and Stripe answers with the first result instead of creating twice.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The one Connect account of a creator: <c>connect-account:creator:{id}</c>.</summary>
    public static string ConnectAccount(int creatorProfileId) => $"connect-account:creator:{creatorProfileId}";
}
