using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Bench;

/// <summary>One webhook delivery ready to send: the exact body and its <c>Stripe-Signature</c> header.</summary>
public sealed record SignedEvent(string Id, string Type, byte[] Body, string Signature);

/// <summary>
/// Builds unique billing events from the ones the emulator emitted during the creators' Checkout
/// (<c>GET /v1/events</c>): <c>invoice.paid</c> events as they are, and <c>customer.subscription.created</c> events
/// re-stamped as <c>customer.subscription.updated</c> (with <c>previous_attributes</c>), each with a new
/// <c>evt_…</c> id and the current <c>created</c>. Their objects exist in the emulator, so the app's refetch succeeds:
/// <c>invoice.paid</c> retrieves the Invoice and its Subscription and writes the ledger; the subscription event
/// retrieves the Subscription. Signed as Stripe signs (https://docs.stripe.com/webhooks#verify-manually).
/// </summary>
public static class BillingEvents
{
    /// <summary>The emulator's events of <paramref name="type"/> (up to 100), as JSON objects.</summary>
    public static async Task<IReadOnlyList<JsonObject>> TemplatesAsync(Uri emulator, string apiKey, string type)
    {
        using var http = new HttpClient { BaseAddress = emulator };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var json = JsonNode.Parse(await http.GetStringAsync($"/v1/events?type={type}&limit=100"))!;
        return json["data"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    /// <summary>
    /// <paramref name="count"/> unique events alternating between the two template lists, signed with
    /// <paramref name="secret"/> at the current time.
    /// </summary>
    public static IReadOnlyList<SignedEvent> Build(int count, string prefix, IReadOnlyList<JsonObject> invoicePaid,
        IReadOnlyList<JsonObject> subscriptionCreated, string secret)
    {
        if (invoicePaid.Count == 0 || subscriptionCreated.Count == 0)
            throw new InvalidOperationException("the emulator has no invoice.paid or customer.subscription.created event to copy");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var key = Encoding.UTF8.GetBytes(secret);
        var events = new SignedEvent[count];
        Parallel.For(0, count, i =>
        {
            var invoice = i % 2 == 0;
            var template = invoice ? invoicePaid[i / 2 % invoicePaid.Count] : subscriptionCreated[i / 2 % subscriptionCreated.Count];
            var copy = template.DeepClone().AsObject();
            var id = $"evt_{prefix}{i:D7}";
            copy["id"] = id;
            copy["created"] = now;
            if (!invoice)
            {
                copy["type"] = "customer.subscription.updated";
                copy["data"]!["previous_attributes"] = new JsonObject { ["cancel_at_period_end"] = true };
            }

            var body = copy.ToJsonString();
            events[i] = new SignedEvent(id, copy["type"]!.GetValue<string>(), Encoding.UTF8.GetBytes(body), Sign(body, now, key));
        });
        return events;
    }

    /// <summary><c>t={unix},v1={hex HMAC-SHA256 of "{t}.{payload}"}</c>.</summary>
    public static string Sign(string payload, long unixSeconds, byte[] secret)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
