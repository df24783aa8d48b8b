using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary>
/// <c>capability.updated</c>: a capability of a connected account changed, which can change <c>charges_enabled</c>
/// and <c>payouts_enabled</c>; refetch the whole account.
/// </summary>
public sealed class CapabilityUpdatedHandler(ConnectAccountSync sync) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.CapabilityUpdated;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        var accountId = stripeEvent.Account ?? StripeEventEnvelope.DataObjectText(payload, "account");
        if (accountId is null) return "event names no account";
        return await sync.SyncAsync(accountId, stripeEvent.Created, cancellationToken) is null ? $"account {accountId} is not a creator's" : null;
    }
}
