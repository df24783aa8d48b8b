using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;
using Marketplace.StripeEmulator.Webhooks;

namespace Marketplace.StripeEmulator;

/// <summary>
/// The emulator's shared core (one per server): options, per-key store, delivery queue and the public base URL
/// used to build hosted-page links. Registered as a singleton.
/// </summary>
internal sealed class Emulator
{
    public Emulator(StripeEmulatorOptions options)
    {
        Options = options;
        Store = new EmulatorStore(options.Limits);
        Deliveries = new DeliveryQueue();
        foreach (var configured in options.WebhookEndpoints)
            WebhookEndpointRecords.AddConfigured(this, configured);
    }

    public StripeEmulatorOptions Options { get; }

    public EmulatorStore Store { get; }

    public DeliveryQueue Deliveries { get; }

    /// <summary>Base URL of the running server (no trailing slash), set once Kestrel has bound its port.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Records an event on <paramref name="state"/> and queues its delivery to the matching endpoints.
    /// Caller holds <see cref="KeyState.Gate"/>. <paramref name="account"/> makes it a Connect event
    /// (delivered only to <c>connect</c> endpoints, carrying <c>"account"</c>). <paramref name="previousAttributes"/> is
    /// kept only for <c>*.updated</c> events: Stripe includes <c>data.previous_attributes</c> in those alone.
    /// Shape: https://docs.stripe.com/api/events/object
    /// </summary>
    public JsonObject Emit(KeyState state, string type, JsonObject dataObject, JsonObject? previousAttributes,
        string? account, string? requestId, string? idempotencyKey)
    {
        var data = new JsonObject { ["object"] = dataObject.DeepClone() };
        if (previousAttributes is not null && type.EndsWith(".updated", StringComparison.Ordinal))
            data["previous_attributes"] = previousAttributes.DeepClone();
        var evt = new JsonObject { ["id"] = Ids.New("evt_") , ["object"] = "event" };
        if (account is not null) evt["account"] = account;
        evt["api_version"] = StripeEmulatorOptions.DefaultApiVersion;
        evt["created"] = state.Now;
        evt["data"] = data;
        evt["livemode"] = false;
        evt["pending_webhooks"] = 0;
        evt["request"] = new JsonObject { ["id"] = requestId, ["idempotency_key"] = idempotencyKey };
        evt["type"] = type;

        var endpoints = WebhookEndpointRecords.Matching(state, type, account is not null).ToList();
        evt["pending_webhooks"] = endpoints.Count;
        state.AddEvent(evt);
        foreach (var endpoint in endpoints)
        {
            var copy = (JsonObject)evt.DeepClone();
            copy["api_version"] = endpoint.ApiVersion ?? StripeEmulatorOptions.DefaultApiVersion;
            var job = new DeliveryJob(state, endpoint.Id, endpoint.Url, endpoint.Secret,
                evt["id"]!.GetValue<string>(), type, copy.ToJsonString(), 1);
            Deliveries.Enqueue(job);
            if (state.WebhookChaos.Duplicate) Deliveries.Enqueue(job);
        }
        return evt;
    }
}
