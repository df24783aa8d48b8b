using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.State;

/// <summary>
/// One stored Stripe object. <see cref="Json"/> is the object exactly as the API returns it;
/// <see cref="Internal"/> holds emulator-only facts that Stripe does not show (card behaviour, a used link, …).
/// Guarded by the owning <see cref="KeyState.Gate"/>.
/// </summary>
internal sealed class Resource(string id, string objectType, string? account, JsonObject json, long sequence)
{
    public string Id { get; } = id;

    /// <summary>Stripe's <c>object</c> value, e.g. <c>checkout.session</c>.</summary>
    public string ObjectType { get; } = objectType;

    /// <summary>Connected account the object lives on (<c>Stripe-Account</c>), null for the platform.</summary>
    public string? Account { get; } = account;

    public JsonObject Json { get; } = json;

    /// <summary>Creation order, used for newest-first lists.</summary>
    public long Sequence { get; } = sequence;

    public Dictionary<string, string> Internal { get; } = new();

    public JsonObject Snapshot() => (JsonObject)Json.DeepClone();

    public string? Str(string field) => Json[field]?.GetValue<string>();
}
