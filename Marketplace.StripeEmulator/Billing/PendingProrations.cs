using System.Text.Json;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Billing;

/// <summary>
/// Proration lines a subscription update with <c>proration_behavior=create_prorations</c> left pending: Stripe adds them
/// (as pending invoice items) to the subscription's next invoice (https://docs.stripe.com/billing/subscriptions/prorations).
/// Kept on the subscription's emulator-only state, taken by the next invoice (renewal or an <c>always_invoice</c> update).
/// </summary>
internal static class PendingProrations
{
    private const string Key = "pending_prorations";

    public static void Add(Resource subscription, IEnumerable<InvoiceLine> lines)
    {
        var all = Read(subscription);
        all.AddRange(lines);
        if (all.Count > 0) subscription.Internal[Key] = JsonSerializer.Serialize(all);
    }

    /// <summary>The pending lines, removed from the subscription.</summary>
    public static List<InvoiceLine> Take(Resource subscription)
    {
        var all = Read(subscription);
        subscription.Internal.Remove(Key);
        return all;
    }

    private static List<InvoiceLine> Read(Resource subscription) =>
        subscription.Internal.TryGetValue(Key, out var raw) ? JsonSerializer.Deserialize<List<InvoiceLine>>(raw) ?? [] : [];
}
