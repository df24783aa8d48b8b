using Marketplace.Tests.Web;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Webhooks;

/// <summary>One generated attack: its category (for the counts) and a factory of the request (a request is sent once).</summary>
/// <param name="Index">Position in the generated sequence, to reproduce one failure with the same seed.</param>
/// <param name="Category">What kind of bad input it is, e.g. <c>stale-timestamp</c>.</param>
/// <param name="Build">Makes the HTTP request (method, path, headers, body).</param>
public sealed record BadWebhookRequest(int Index, string Category, Func<HttpRequestMessage> Build)
{
    /// <summary>
    /// Sent with <see cref="RawHttpSender"/>: a 5 MB body (the answer comes while it is still being written) or a header
    /// HttpClient refuses to send (not ASCII).
    /// </summary>
    public bool Raw { get; init; }
}

/// <summary>
/// Generates the bad deliveries Stripe's endpoints meet from attackers and broken proxies, from a seeded
/// <see cref="Random"/> so a failure reproduces: random bytes, truncated JSON, JSON that is not an event, the wrong
/// secret, the other endpoint's secret, timestamps beyond the tolerance both ways, several <c>v1=</c> of which none
/// match, a 100 KB <c>Stripe-Signature</c>, a 5 MB body (announced and chunked), a wrong content type, an empty body,
/// and malformed signature headers. Every event-shaped body carries a fresh event id, so a wrongly accepted one shows
/// as an inbox row.
/// </summary>
public sealed class BadWebhookRequests(int seed, string path, string secret, string otherSecret, string? connectedAccount)
{
    /// <summary>Every category; each generated request draws one at random.</summary>
    public static readonly string[] Categories =
    [
        "random-bytes", "truncated-json", "json-not-an-event", "wrong-secret", "other-endpoint-secret", "stale-timestamp",
        "future-timestamp", "several-v1-none-matching", "signature-header-100kb", "body-5mb", "body-5mb-chunked",
        "wrong-content-type", "empty-body", "malformed-signature-header",
    ];

    private const int ToleranceSeconds = 300;
    private readonly Random _random = new(seed);

    /// <summary>Draws <paramref name="count"/> requests; the same seed gives the same sequence.</summary>
    public IReadOnlyList<BadWebhookRequest> Generate(int count) =>
        Enumerable.Range(0, count).Select(i => Next(i, Categories[_random.Next(Categories.Length)])).ToList();

    private BadWebhookRequest Next(int index, string category)
    {
        var now = DateTimeOffset.UtcNow;
        switch (category)
        {
            case "random-bytes":
            {
                var bytes = new byte[_random.Next(1, 4096)];
                _random.NextBytes(bytes);
                // Half signed correctly over the bytes as text (so the parser is reached), half with a random header.
                var signed = _random.Next(2) == 0;
                var header = signed ? SignLater(Encoding.UTF8.GetString(bytes)) : () => RandomHex(64);
                return new(index, category, () => Request(new ByteArrayContent(bytes), "application/json", header()));
            }
            case "truncated-json":
            {
                var json = ValidEvent();
                var cut = json[.._random.Next(1, json.Length - 1)];
                return Json(index, category, cut, SignLater(cut));
            }
            case "json-not-an-event":
            {
                var json = NotAnEvent();
                return Json(index, category, json, SignLater(json));
            }
            case "wrong-secret":
            {
                var json = ValidEvent();
                var wrong = "whsec_" + RandomHex(32);
                return Json(index, category, json, () => StripeEventSamples.Sign(json, wrong));
            }
            case "other-endpoint-secret":
            {
                var json = ValidEvent();
                return Json(index, category, json, () => StripeEventSamples.Sign(json, otherSecret));
            }
            case "stale-timestamp":
            {
                var json = ValidEvent();
                var age = _random.Next(ToleranceSeconds + 5, 7 * 24 * 3600);
                return Json(index, category, json, () => StripeEventSamples.Sign(json, secret, DateTimeOffset.UtcNow.AddSeconds(-age)));
            }
            case "future-timestamp":
            {
                var json = ValidEvent();
                var ahead = _random.Next(ToleranceSeconds + 5, 7 * 24 * 3600);
                return Json(index, category, json, () => StripeEventSamples.Sign(json, secret, DateTimeOffset.UtcNow.AddSeconds(ahead)));
            }
            case "several-v1-none-matching":
            {
                var json = ValidEvent();
                var n = _random.Next(2, 12);
                var wrongs = Enumerable.Range(0, n).Select(_ => "v1=" + RandomHex(64)).ToList();
                // One of them is the right signature of another body: a replay glued onto a new payload.
                wrongs.Insert(_random.Next(wrongs.Count), StripeEventSamples.Sign(json + " ", secret).Split(',')[1]);
                return Json(index, category, json, () => $"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}," + string.Join(',', wrongs));
            }
            case "signature-header-100kb":
            {
                var json = ValidEvent();
                return Json(index, category, json, () =>
                {
                    // A current timestamp, then enough wrong signatures to make 100 KB.
                    var header = new StringBuilder($"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
                    while (header.Length < 100 * 1024) header.Append(",v1=").Append(RandomHex(64));
                    return header.ToString();
                });
            }
            case "body-5mb":
            case "body-5mb-chunked":
            {
                // A real event, correctly signed, padded with JSON whitespace to 5 MB: only the size is wrong.
                var json = ValidEvent();
                var padded = json[..^1] + new string(' ', 5 * 1024 * 1024 - json.Length) + "}";
                var bytes = Encoding.UTF8.GetBytes(padded);
                var sign = SignLater(padded);
                return category == "body-5mb"
                    ? new(index, category, () => Request(new ByteArrayContent(bytes), "application/json", sign())) { Raw = true }
                    : new(index, category, () => Request(new StreamContent(new UnknownLengthStream(bytes)), "application/json", sign())) { Raw = true };
            }
            case "wrong-content-type":
            {
                var json = ValidEvent();
                string?[] types = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/html", null];
                var type = types[_random.Next(types.Length)];
                var sign = SignLater(json);
                return new(index, category, () => Request(new StringContent(json, Encoding.UTF8), type, sign()));
            }
            case "empty-body":
            {
                var withSignature = _random.Next(2) == 0;
                var sign = SignLater("");
                return new(index, category, () => Request(new ByteArrayContent([]), "application/json", withSignature ? sign() : null));
            }
            case "malformed-signature-header":
            {
                var json = ValidEvent();
                var good = StripeEventSamples.Sign(json, secret);
                string[] headers =
                [
                    "garbage", "t=", "v1=", ",", "t=abc,v1=" + RandomHex(64), "t=99999999999999999999999," + good.Split(',')[1],
                    "t=-1," + good.Split(',')[1], good.Replace("v1=", "v0=", StringComparison.Ordinal), good.ToUpperInvariant(),
                    good.Split(',')[1] + "," + good.Split(',')[0] + "x", "t=1,t=2,t=3,v1=zz", "t=\u00e9\u00e8,v1=\u2603",
                    new string(',', 500), string.Concat(Enumerable.Repeat("=", 300)),
                ];
                var header = headers[_random.Next(headers.Length)];
                return Json(index, category, json, () => header) with { Raw = header.Any(c => c > 127) };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }
    }

    private BadWebhookRequest Json(int index, string category, string json, Func<string?> signature) =>
        new(index, category, () => Request(new StringContent(json, Encoding.UTF8), "application/json", signature()));

    private HttpRequestMessage Request(HttpContent content, string? contentType, string? signature)
    {
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return request;
    }

    /// <summary>Signs at send time, so a correct signature is never stale by the time it is sent.</summary>
    private Func<string?> SignLater(string payload) => () => StripeEventSamples.Sign(payload, secret);

    /// <summary>A well-formed event for this endpoint (account set for Connect) with a fresh id.</summary>
    private string ValidEvent() => connectedAccount is null
        ? StripeEventSamples.Event("customer.subscription.updated", "sub_attack_" + RandomHex(8), "subscription")
        : StripeEventSamples.Event("account.updated", connectedAccount, "account", account: connectedAccount);

    /// <summary>Valid JSON that is not an event this endpoint takes, with a fresh event id where it has one.</summary>
    private string NotAnEvent()
    {
        var evt = JsonSerializer.Deserialize<Dictionary<string, object?>>(ValidEvent())!;
        switch (_random.Next(14))
        {
            case 0: return _random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case 1: return JsonSerializer.Serialize(RandomHex(_random.Next(1, 200)));
            case 2: return "null";
            case 3: return "[" + string.Join(',', Enumerable.Range(0, _random.Next(0, 50)).Select(i => i)) + "]";
            case 4: return JsonSerializer.Serialize(new Dictionary<string, string> { [RandomHex(6)] = RandomHex(20) });
            case 5: evt.Remove(new[] { "id", "type", "created", "data", "object" }[_random.Next(5)]); break;
            case 6: evt["object"] = "customer"; break;
            case 7: evt["id"] = "cus_" + RandomHex(12); break;
            case 8: evt["created"] = "yesterday"; break;
            case 9: evt["created"] = long.MaxValue; break;
            case 10: evt["data"] = new { @object = "sub_123" }; break;
            case 11: return new string('[', 10_000) + new string(']', 10_000); // deeper than any parser allows
            case 12: evt["id"] = "evt_" + new string('x', _random.Next(300, 5000)); break; // longer than the inbox column
            default:
                // The endpoint mismatch: a Connect event at billing, a platform event at connect.
                evt["account"] = connectedAccount is null ? "acct_" + RandomHex(16) : null;
                break;
        }

        return JsonSerializer.Serialize(evt);
    }

    private string RandomHex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant()[..length];
    }

    /// <summary>A read-only stream that hides its length, so the body goes out chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
