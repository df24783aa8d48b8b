using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary>
/// <c>account.application.deauthorized</c>: the creator disconnected the platform. Like every handler it asks Stripe:
/// only when the retrieve of the event's <c>account</c> answers 403 <c>account_invalid</c> or 404 <c>resource_missing</c>
/// is the account marked deauthorized. An account Stripe still serves is synced as it is and the event Ignored (a
/// forged or mistaken event proves nothing).
/// </summary>
public sealed class AccountApplicationDeauthorizedHandler(ConnectAccountSync sync) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.AccountApplicationDeauthorized;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.Account is not { } accountId) return "event names no account";
        try
        {
            var served = await sync.SyncAsync(accountId, stripeEvent.Created, cancellationToken);
            return served is null
                ? $"account {accountId} is not a creator's"
                : $"Stripe still serves account {accountId}: deauthorization not confirmed, the account state was refreshed instead";
        }
        catch (Stripe.StripeException ex) when (StripeObjectAbsence.Describe(ex) is not null)
        {
            return await sync.MarkDeauthorizedAsync(accountId, cancellationToken) ? null : $"account {accountId} is not a creator's";
        }
    }
}
