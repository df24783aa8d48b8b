using System.Text.Json;

namespace Marketplace.Core.Webhooks;

/// <summary>
/// The fields of a Stripe event (https://docs.stripe.com/api/events/object) the marketplace needs to route it, read
/// from the raw JSON without binding <c>data.object</c> to one API version's shape: an event of another API version
/// is stored and processed by refetching the object it names.
/// </summary>
/// <param name="Id">The event id, <c>evt_…</c>.</param>
/// <param name="Type">The event type, e.g. <c>invoice.paid</c>.</param>
/// <param name="Account">The connected account (<c>acct_…</c>) for Connect events; null for platform events.</param>
/// <param name="ApiVersion">The API version the payload was rendered with; null when Stripe did not say.</param>
/// <param name="Livemode">True for live-mode events.</param>
/// <param name="Created">The event's <c>created</c>, UTC.</param>
/// <param name="ObjectId">The <c>data.object.id</c>, e.g. <c>sub_…</c>.</param>
/// <param name="ObjectType">The <c>data.object.object</c>, e.g. <c>subscription</c>.</param>
public sealed record StripeEventEnvelope(string Id, string Type, string? Account, string? ApiVersion, bool Livemode,
    DateTime Created, string? ObjectId, string? ObjectType)
{
    /// <summary>Longest event or account id stored (the inbox columns hold 255 characters; Stripe's ids are far shorter).</summary>
    public const int MaxIdLength = 255;

    /// <summary>Longest event type stored (the inbox column holds 100 characters).</summary>
    public const int MaxTypeLength = 100;

    /// <summary>Longest <c>api_version</c> stored (the inbox column holds 64 characters).</summary>
    public const int MaxApiVersionLength = 64;

    /// <summary>
    /// Reads the envelope; false with a short reason when the JSON is not a Stripe event, or has a field longer than
    /// its inbox column (a database error on insert would otherwise answer 500 to a correctly signed body).
    /// </summary>
    public static bool TryParse(string json, out StripeEventEnvelope? envelope, out string? error)
    {
        envelope = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "object") != "event") return Fail("not a Stripe event object", out error);
            var id = Text(root, "id");
            var type = Text(root, "type");
            if (string.IsNullOrEmpty(id) || !id.StartsWith("evt_", StringComparison.Ordinal)) return Fail("missing event id", out error);
            if (string.IsNullOrEmpty(type)) return Fail("missing event type", out error);
            if (id.Length > MaxIdLength) return Fail("event id too long", out error);
            if (type.Length > MaxTypeLength) return Fail("event type too long", out error);
            if (!root.TryGetProperty("created", out var created) || created.ValueKind != JsonValueKind.Number || !created.TryGetInt64(out var unix))
                return Fail("missing created", out error);
            var account = Text(root, "account");
            if (account?.Length > MaxIdLength) return Fail("account id too long", out error);
            var apiVersion = Text(root, "api_version");
            if (apiVersion?.Length > MaxApiVersionLength) return Fail("api_version too long", out error);
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
                return Fail("missing data.object", out error);

            envelope = new StripeEventEnvelope(id, type, NullIfEmpty(account), apiVersion,
                root.TryGetProperty("livemode", out var live) && live.ValueKind == JsonValueKind.True,
                DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime, Text(obj, "id"), Text(obj, "object"));
            error = null;
            return true;
        }
        catch (JsonException)
        {
            return Fail("body is not JSON", out error);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail("created is out of range", out error);
        }
    }

    /// <summary>A string field of <c>data.object</c> (e.g. <c>subscription</c> of an invoice), or null.</summary>
    public static string? DataObjectText(string json, params string[] path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement.GetProperty("data").GetProperty("object");
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Object => Text(element, "id"),
            _ => null,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
