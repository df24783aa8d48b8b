using Marketplace.Core.Orders;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>What the refund and dispute handlers share: sync the order of a charge, and say why when it is not one.</summary>
internal static class OrderChargeEvents
{
    /// <summary>Syncs the charge's order; null when done, the reason when the charge is not an order's.</summary>
    public static async Task<string?> SyncAsync(OrderChargeSync charges, string? chargeId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(chargeId)) return "event names no charge";
        var (outcome, _) = await charges.SyncAsync(chargeId, cancellationToken);
        return outcome switch
        {
            ChargeSyncOutcome.ChargeMissing => "Stripe has no such charge",
            ChargeSyncOutcome.NotAnOrder => "charge is not one of our orders",
            _ => null,
        };
    }
}
