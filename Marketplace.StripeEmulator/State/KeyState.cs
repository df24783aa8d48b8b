using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Control;
using Marketplace.StripeEmulator.Webhooks;

namespace Marketplace.StripeEmulator.State;

/// <summary>
/// Everything the emulator holds for one secret key: objects, events, idempotency entries, the test clock,
/// chaos settings and delivery records. Keys never see each other's state.
/// Objects, events and the clock are guarded by <see cref="Gate"/>; delivery records by their own lock.
/// </summary>
internal sealed class KeyState(string apiKey, EmulatorLimits limits, bool pinned)
{
    private readonly Dictionary<string, Resource> _objects = new(StringComparer.Ordinal);
    private readonly LinkedList<JsonObject> _events = new();
    private readonly Dictionary<string, LinkedListNode<JsonObject>> _eventsById = new(StringComparer.Ordinal);
    private long _sequence;

    public string ApiKey { get; } = apiKey;

    public EmulatorLimits Limits { get; } = limits;

    /// <summary>Keys from configuration are never evicted.</summary>
    public bool Pinned { get; } = pinned;

    public object Gate { get; } = new();

    public long LastUsedTicks { get; set; } = Environment.TickCount64;

    /// <summary>Seconds the test clock runs ahead of real time (advanced through the control API).</summary>
    public long ClockOffsetSeconds { get; set; }

    /// <summary>The key's current time, Unix seconds (real time plus the test clock's advance).</summary>
    public long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ClockOffsetSeconds;

    public IdempotencyCache Idempotency { get; } = new(limits.MaxIdempotencyEntriesPerKey);

    public ApiChaos ApiChaos { get; } = new();

    public WebhookChaos WebhookChaos { get; set; } = new();

    /// <summary>When set, the next refund fails with this <c>failure_reason</c> (control API); guarded by <see cref="Gate"/>.</summary>
    public string? NextRefundFailure { get; set; }

    /// <summary>When set, the next refund stays <c>pending</c> until the control API settles it; guarded by <see cref="Gate"/>.</summary>
    public bool HoldNextRefund { get; set; }

    public BoundedLog<DeliveryRecord> Deliveries { get; } = new(limits.MaxDeliveriesPerKey);

    /// <summary>Every <c>/v1</c> call of the key, oldest first (<c>GET /_emulator/requests</c>).</summary>
    public BoundedLog<EmulatorRequest> Requests { get; } = new(limits.MaxRequestsPerKey);

    /// <summary>Ids of objects reachable by hosted pages without a key (sessions, links); removed on eviction.</summary>
    public List<string> HostedIds { get; } = new();

    public Resource Add(string id, string objectType, string? account, JsonObject json)
    {
        if (_objects.Count >= Limits.MaxObjectsPerKey)
            throw new StripeApiException(400, "invalid_request_error", "emulator_object_limit",
                $"The emulator holds at most {Limits.MaxObjectsPerKey} objects per API key.");
        if (_objects.ContainsKey(id))
            throw StripeApiException.BadRequest($"Object exists: {id}", "id", "resource_already_exists");
        var resource = new Resource(id, objectType, account, json, ++_sequence);
        _objects[id] = resource;
        return resource;
    }

    /// <summary>
    /// Throws 400 <c>emulator_object_limit</c> unless <paramref name="count"/> more objects fit under
    /// <see cref="EmulatorLimits.MaxObjectsPerKey"/>: operations that create several objects check first, so that the
    /// limit never leaves a payment, refund or payout half made.
    /// </summary>
    public void EnsureRoom(int count)
    {
        if (_objects.Count + count > Limits.MaxObjectsPerKey)
            throw new StripeApiException(400, "invalid_request_error", "emulator_object_limit",
                $"The emulator holds at most {Limits.MaxObjectsPerKey} objects per API key.");
    }

    public Resource? Find(string id) => _objects.GetValueOrDefault(id);

    public void Remove(string id) => _objects.Remove(id);

    /// <summary>Finds an object of the given type visible from <paramref name="account"/>, or throws 404 <c>resource_missing</c>.</summary>
    public Resource Get(string id, string objectType, string? account, string objectName, string param = "id")
    {
        var resource = _objects.GetValueOrDefault(id);
        if (resource is null || resource.ObjectType != objectType || resource.Account != account)
            throw StripeApiException.NotFound(objectName, id, param);
        return resource;
    }

    /// <summary>Objects of one type on one account, newest first (Stripe's list order).</summary>
    public IEnumerable<Resource> OfType(string objectType, string? account) =>
        _objects.Values.Where(r => r.ObjectType == objectType && r.Account == account).OrderByDescending(r => r.Sequence);

    public IEnumerable<Resource> AllOfType(string objectType) =>
        _objects.Values.Where(r => r.ObjectType == objectType).OrderBy(r => r.Sequence);

    /// <summary>Events this key has emitted since it was created (the ones forgotten past the limit included).</summary>
    public long EventsEmitted { get; private set; }

    public void AddEvent(JsonObject evt)
    {
        EventsEmitted++;
        var id = evt["id"]!.GetValue<string>();
        _eventsById[id] = _events.AddLast(evt);
        while (_events.Count > Limits.MaxEventsPerKey)
        {
            var first = _events.First!;
            _eventsById.Remove(first.Value["id"]!.GetValue<string>());
            _events.RemoveFirst();
        }
    }

    public JsonObject? FindEvent(string id) => _eventsById.GetValueOrDefault(id)?.Value;

    /// <summary>Events newest first.</summary>
    public IEnumerable<JsonObject> EventsNewestFirst()
    {
        for (var node = _events.Last; node is not null; node = node.Previous) yield return node.Value;
    }
}
