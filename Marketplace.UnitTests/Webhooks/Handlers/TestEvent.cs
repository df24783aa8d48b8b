using System.Text.Json;
using Marketplace.Core.Webhooks;
using Stripe;

namespace Marketplace.UnitTests.Webhooks.Handlers;

/// <summary>A Stripe event as the processor hands it to a handler: the envelope read from the raw JSON, and the JSON.</summary>
public sealed record TestEvent(StripeEventEnvelope Envelope, string Payload)
{
    /// <summary>
    /// An event of <paramref name="type"/> naming <paramref name="objectId"/> (<c>data.object.id</c>; null: none), for
    /// <paramref name="account"/> (a Connect event), created <paramref name="created"/> (default now, UTC), with
    /// <paramref name="fields"/> added to <c>data.object</c> (e.g. <c>mode</c>). Parsed by <see cref="StripeEventEnvelope.TryParse"/>.
    /// </summary>
    public static TestEvent Of(string type, string? objectId, string objectType, string? account = null, DateTime? created = null,
        IReadOnlyDictionary<string, object?>? fields = null)
    {
        var dataObject = new Dictionary<string, object?> { ["object"] = objectType };
        if (objectId is not null) dataObject["id"] = objectId;
        foreach (var (key, value) in fields ?? new Dictionary<string, object?>()) dataObject[key] = value;
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = $"evt_test_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = new DateTimeOffset(created ?? DateTime.UtcNow).ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["account"] = account,
            ["data"] = new { @object = dataObject },
        });
        return FromJson(json);
    }

    /// <summary>A real Stripe payload (<c>TestData/stripe-events/{fileName}</c>), as delivered.</summary>
    public static TestEvent Sample(string fileName) =>
        FromJson(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "stripe-events", fileName)));

    private static TestEvent FromJson(string json)
    {
        StripeEventEnvelope.TryParse(json, out var envelope, out var error).Should().BeTrue(error);
        return new TestEvent(envelope!, json);
    }
}
