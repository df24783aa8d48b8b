using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Webhooks;

/// <summary>What a delivery needs to know about an endpoint.</summary>
internal sealed record EndpointTarget(string Id, string Url, string Secret, string? ApiVersion);

/// <summary>
/// Webhook endpoints are stored as <c>webhook_endpoint</c> objects; the secret and the <c>connect</c> flag
/// live in <see cref="Resource.Internal"/> since Stripe shows the secret only on create and has no <c>connect</c> field.
/// </summary>
internal static class WebhookEndpointRecords
{
    public const string ObjectType = "webhook_endpoint";

    public static Resource Create(KeyState state, string url, IEnumerable<string> enabledEvents, bool connect,
        string? apiVersion, string? description, Dictionary<string, string>? metadata, string? secret = null)
    {
        if (state.OfType(ObjectType, null).Count() >= state.Limits.MaxWebhookEndpointsPerKey)
            throw Api.StripeApiException.BadRequest(
                $"You have reached the maximum of {state.Limits.MaxWebhookEndpointsPerKey} test webhook endpoints.", "url");
        var id = Ids.New("we_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["api_version"] = apiVersion,
            ["application"] = null,
            ["created"] = state.Now,
            ["description"] = description,
            ["enabled_events"] = new JsonArray(enabledEvents.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            ["livemode"] = false,
            ["metadata"] = Json.Metadata(metadata),
            ["status"] = "enabled",
            ["url"] = url,
        };
        var resource = state.Add(id, ObjectType, null, json);
        resource.Internal["secret"] = string.IsNullOrEmpty(secret) ? Ids.New("whsec_", 32) : secret;
        resource.Internal["connect"] = connect ? "true" : "false";
        return resource;
    }

    public static void AddConfigured(Emulator emulator, EmulatorWebhookEndpoint configured)
    {
        if (string.IsNullOrEmpty(configured.ApiKey) || string.IsNullOrEmpty(configured.Url))
            throw new InvalidOperationException("StripeEmulator:WebhookEndpoints entries need ApiKey and Url.");
        var state = emulator.Store.GetOrCreate(configured.ApiKey, pinned: true);
        lock (state.Gate)
            Create(state, configured.Url, ["*"], configured.Connect, configured.ApiVersion, "configured", null, configured.Secret);
    }

    /// <summary>Enabled endpoints that want <paramref name="type"/>: Connect events go only to <c>connect</c> endpoints and vice versa.</summary>
    public static IEnumerable<EndpointTarget> Matching(KeyState state, string type, bool connectEvent)
    {
        foreach (var endpoint in state.AllOfType(ObjectType))
        {
            if (endpoint.Str("status") != "enabled") continue;
            if ((endpoint.Internal["connect"] == "true") != connectEvent) continue;
            var events = endpoint.Json["enabled_events"]!.AsArray().Select(e => e!.GetValue<string>());
            if (!events.Any(e => e == "*" || e == type)) continue;
            yield return new EndpointTarget(endpoint.Id, endpoint.Str("url")!, endpoint.Internal["secret"], endpoint.Str("api_version"));
        }
    }
}
