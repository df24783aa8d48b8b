using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary>
/// <c>account.application.deauthorized</c>: the creator disconnected the platform. The account can no longer be
/// retrieved, so the event's <c>account</c> is marked deauthorized as it stands.
/// </summary>
public sealed class AccountApplicationDeauthorizedHandler(ConnectAccountSync sync) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.AccountApplicationDeauthorized;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.Account is null) return "event names no account";
        return await sync.MarkDeauthorizedAsync(stripeEvent.Account, cancellationToken) ? null : $"account {stripeEvent.Account} is not a creator's";
    }
}
