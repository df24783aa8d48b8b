using System.Collections.Concurrent;

namespace Marketplace.StripeEmulator.State;

/// <summary>
/// All per-key states, created on first use of a key. Bounded by <see cref="EmulatorLimits.MaxApiKeys"/>:
/// beyond it the least recently used key that did not come from configuration is forgotten.
/// Also indexes hosted-page ids (<c>cs_…</c>, <c>bps_…</c>, account-link tokens) to their key, since browsers carry no key.
/// </summary>
internal sealed class EmulatorStore(EmulatorLimits limits)
{
    private readonly ConcurrentDictionary<string, KeyState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyState> _hosted = new(StringComparer.Ordinal);
    private readonly object _evictionGate = new();

    public KeyState GetOrCreate(string apiKey, bool pinned = false)
    {
        if (_states.TryGetValue(apiKey, out var existing))
        {
            existing.LastUsedTicks = Environment.TickCount64;
            return existing;
        }
        lock (_evictionGate)
        {
            if (_states.TryGetValue(apiKey, out existing)) return existing;
            if (_states.Count >= limits.MaxApiKeys) EvictLeastRecentlyUsed();
            var state = new KeyState(apiKey, limits, pinned);
            _states[apiKey] = state;
            return state;
        }
    }

    public KeyState? Find(string apiKey) => _states.GetValueOrDefault(apiKey);

    public void RegisterHosted(KeyState state, string id)
    {
        _hosted[id] = state;
        state.HostedIds.Add(id);
    }

    public KeyState? FindHosted(string id) => _hosted.GetValueOrDefault(id);

    private void EvictLeastRecentlyUsed()
    {
        var victim = _states.Values.Where(s => !s.Pinned).OrderBy(s => s.LastUsedTicks).FirstOrDefault();
        if (victim is null) return;
        _states.TryRemove(victim.ApiKey, out _);
        lock (victim.Gate)
            foreach (var id in victim.HostedIds) _hosted.TryRemove(id, out _);
    }
}
