using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Billing;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.Resources.Checkout;
using Marketplace.StripeEmulator.State;
using Marketplace.StripeEmulator.Webhooks;

namespace Marketplace.StripeEmulator.Control;

/// <summary>
/// The operations behind <c>/_emulator/…</c> and the matching methods of <see cref="StripeEmulatorServer"/>:
/// test clock, account states, chaos settings and delivery records, all scoped to one API key.
/// </summary>
internal sealed class EmulatorControl(Emulator emulator)
{
    /// <summary>Moves the key's clock forward and runs what became due (renewals, trial ends, cancellations). Returns the new time, Unix seconds.</summary>
    public long AdvanceClock(string apiKey, TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw StripeApiException.Invalid("seconds", "The test clock only moves forward.");
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            state.ClockOffsetSeconds += (long)by.TotalSeconds;
            var ctx = new OperationContext(emulator, state, null, null, null);
            SubscriptionLifecycle.RunDueRenewals(ctx);
            CheckoutSessionsApi.ExpireDueSessions(ctx);
            Ledger.Release(ctx);
            return state.Now;
        }
    }

    public long Now(string apiKey)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate) return state.Now;
    }

    /// <summary>
    /// Sets a connected account's state: <c>enabled</c> (as after onboarding), <c>restricted</c> (charges and payouts
    /// disabled, <paramref name="disabledReason"/> default <c>requirements.past_due</c>), or <c>deauthorized</c>
    /// (<c>account.application.deauthorized</c>). Throws 404 for an unknown account, 400 for an unknown state.
    /// </summary>
    public void SetAccountState(string apiKey, string accountId, string accountState, string? disabledReason = null)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, null, null, null);
            var account = AccountsApi.Find(ctx, accountId, "account");
            switch (accountState)
            {
                case "enabled": AccountStates.Enable(ctx, account); break;
                case "restricted":
                    AccountStates.Restrict(ctx, account, disabledReason ?? "requirements.past_due", ["external_account"]);
                    break;
                case "deauthorized": AccountStates.Deauthorize(ctx, account); break;
                default: throw StripeApiException.Invalid("state", "state must be one of enabled, restricted, deauthorized.");
            }
        }
    }

    public void FailNextApiCalls(string apiKey, int status, int count)
    {
        if (status is not (429 or 500)) throw StripeApiException.Invalid("status", "status must be 429 or 500.");
        emulator.Store.GetOrCreate(apiKey).ApiChaos.FailNext(status, count);
    }

    /// <summary>Holds the next <paramref name="count"/> API calls of the key for <paramref name="delay"/> each (0 clears every plan).</summary>
    public void DelayNextApiCalls(string apiKey, TimeSpan delay, int count)
    {
        if (delay <= TimeSpan.Zero || delay > TimeSpan.FromMinutes(10)) throw StripeApiException.Invalid("delay_ms", "delay_ms must be between 1 and 600000.");
        emulator.Store.GetOrCreate(apiKey).ApiChaos.DelayNext(delay, count);
    }

    public void SetWebhookChaos(string apiKey, WebhookChaos chaos) => emulator.Store.GetOrCreate(apiKey).WebhookChaos = chaos;

    public IReadOnlyList<DeliveryRecord> Deliveries(string apiKey) => emulator.Store.GetOrCreate(apiKey).Deliveries.Snapshot();

    /// <summary>The key's <c>/v1</c> calls, oldest first (bounded by <see cref="EmulatorLimits.MaxRequestsPerKey"/>).</summary>
    public IReadOnlyList<EmulatorRequest> Requests(string apiKey) => emulator.Store.GetOrCreate(apiKey).Requests.Snapshot();
}
