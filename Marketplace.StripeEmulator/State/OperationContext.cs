using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.State;

/// <summary>
/// A state change in progress, from the API, a hosted page or the test clock: which key and account it acts on,
/// and the request it came from (copied into the events' <c>request</c>). Caller holds <see cref="KeyState.Gate"/>.
/// </summary>
internal class OperationContext(Emulator emulator, KeyState state, string? account, string? requestId, string? idempotencyKey)
{
    public Emulator Emulator { get; } = emulator;
    public KeyState State { get; } = state;

    /// <summary>The connected account acted on (<c>Stripe-Account</c>), null for the platform.</summary>
    public string? Account { get; } = account;

    public string? RequestId { get; } = requestId;
    public string? IdempotencyKey { get; } = idempotencyKey;

    /// <summary>Current time of the key's test clock, Unix seconds.</summary>
    public long Now => State.Now;

    public string BaseUrl => Emulator.BaseUrl ?? "http://127.0.0.1";

    /// <summary>Emits an event about <paramref name="resource"/>; Connect when the object lives on a connected account.</summary>
    public JsonObject Emit(string type, Resource resource, JsonObject? previousAttributes = null, string? connectAccount = null) =>
        Emulator.Emit(State, type, resource.Json, previousAttributes, connectAccount ?? resource.Account, RequestId, IdempotencyKey);

    /// <summary>Applies <paramref name="mutate"/> and, if anything changed, emits <paramref name="eventType"/> with <c>previous_attributes</c>.</summary>
    public bool Update(Resource resource, string eventType, Action<JsonObject> mutate, string? connectAccount = null)
    {
        var before = resource.Snapshot();
        mutate(resource.Json);
        var previous = JsonDiff.PreviousAttributes(before, resource.Json);
        if (previous.Count == 0) return false;
        if (eventType.Length > 0) Emit(eventType, resource, previous, connectAccount);
        return true;
    }
}
