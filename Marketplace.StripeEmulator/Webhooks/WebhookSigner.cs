using System.Security.Cryptography;
using System.Text;

namespace Marketplace.StripeEmulator.Webhooks;

/// <summary>
/// Stripe's webhook signature (https://docs.stripe.com/webhooks#verify-manually):
/// <c>Stripe-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed with the endpoint secret}</c>.
/// </summary>
public static class WebhookSigner
{
    /// <summary>Builds the header value for <paramref name="payload"/> signed at <paramref name="unixSeconds"/> (real time, not the test clock).</summary>
    public static string SignatureHeader(string payload, string secret, long unixSeconds)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{payload}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
