using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary><c>account.updated</c>: refetch the connected account and update the creator's Connect state.</summary>
public sealed class AccountUpdatedHandler(ConnectAccountSync sync) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.AccountUpdated;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        var accountId = stripeEvent.Account ?? stripeEvent.ObjectId;
        if (accountId is null) return "event names no account";
        return await sync.SyncAsync(accountId, stripeEvent.Created, cancellationToken) is null ? $"account {accountId} is not a creator's" : null;
    }
}
