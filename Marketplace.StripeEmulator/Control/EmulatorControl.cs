using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Billing;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.Resources.Checkout;
using Marketplace.StripeEmulator.Resources.Disputes;
using Marketplace.StripeEmulator.State;
using Marketplace.StripeEmulator.Webhooks;

namespace Marketplace.StripeEmulator.Control;

/// <summary>
/// The operations behind <c>/_emulator/…</c> and the matching methods of <see cref="StripeEmulatorServer"/>:
/// test clock, account states, chaos settings and delivery records, all scoped to one API key.
/// </summary>
internal sealed class EmulatorControl(Emulator emulator)
{
    /// <summary>Moves the key's clock forward and runs what became due (renewals, trial ends, cancellations, balances becoming available, scheduled payouts). Returns the new time, Unix seconds.</summary>
    public long AdvanceClock(string apiKey, TimeSpan by) => AdvanceClock(apiKey, by, out _);

    /// <summary>As <see cref="AdvanceClock(string, TimeSpan)"/>; <paramref name="eventsEmitted"/>: the events the advance emitted.</summary>
    public long AdvanceClock(string apiKey, TimeSpan by, out long eventsEmitted)
    {
        if (by < TimeSpan.Zero) throw StripeApiException.Invalid("seconds", "The test clock only moves forward.");
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var before = state.EventsEmitted;
            state.ClockOffsetSeconds += (long)by.TotalSeconds;
            var ctx = new OperationContext(emulator, state, null, null, null);
            SubscriptionLifecycle.RunDueRenewals(ctx);
            CheckoutSessionsApi.ExpireDueSessions(ctx);
            AccountDeadlines.RunDue(ctx);
            Ledger.Release(ctx);
            ScheduledPayouts.RunDue(ctx);
            eventsEmitted = state.EventsEmitted - before;
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

    /// <summary>
    /// Asks <paramref name="fields"/> (requirement names, e.g. <c>individual.verification.document</c>) of a connected
    /// account by <paramref name="currentDeadline"/> (Unix seconds of the key's clock) (<see cref="AccountDeadlines.Add"/>);
    /// 404 for an unknown account, 400 without fields or for a deadline not in the future.
    /// </summary>
    public void AddRequirements(string apiKey, string accountId, IReadOnlyCollection<string> fields, long currentDeadline)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, null, null, null);
            AccountDeadlines.Add(ctx, AccountsApi.Find(ctx, accountId, "account"), fields, currentDeadline);
        }
    }

    /// <summary>
    /// Makes the key's next refund fail with <paramref name="failureReason"/> (Stripe's values: <c>lost_or_stolen_card</c>,
    /// <c>expired_or_canceled_card</c>, <c>charge_for_pending_refund_disputed</c>, <c>insufficient_funds</c>, <c>declined</c>,
    /// <c>merchant_request</c>, <c>unknown</c>); 400 for another value.
    /// </summary>
    public void FailNextRefund(string apiKey, string failureReason)
    {
        CheckRefundFailureReason(failureReason);
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate) state.NextRefundFailure = failureReason;
    }

    /// <summary>Makes the key's next refund stay <c>pending</c> until <see cref="SettleRefund"/>.</summary>
    public void HoldNextRefund(string apiKey)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate) state.HoldNextRefund = true;
    }

    /// <summary>
    /// Ends held refund <paramref name="refundId"/>: succeeded, or failed with <paramref name="failureReason"/> (the values of
    /// <see cref="FailNextRefund"/>) (<see cref="Refunding.Settle"/>); 404 unknown, 400 not held pending or an unknown reason.
    /// </summary>
    public void SettleRefund(string apiKey, string refundId, string? failureReason)
    {
        if (failureReason is not null) CheckRefundFailureReason(failureReason);
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var refund = state.Find(refundId);
            if (refund is null || refund.ObjectType != Resources.Refunds.RefundsApi.ObjectType || !refundId.StartsWith("re_", StringComparison.Ordinal))
                throw StripeApiException.NotFound("refund", refundId);
            Refunding.Settle(new OperationContext(emulator, state, refund.Account, null, null), refund, failureReason);
        }
    }

    private static void CheckRefundFailureReason(string failureReason)
    {
        string[] reasons = ["lost_or_stolen_card", "expired_or_canceled_card", "charge_for_pending_refund_disputed", "insufficient_funds", "declined", "merchant_request", "unknown"];
        if (!reasons.Contains(failureReason))
            throw StripeApiException.Invalid("failure_reason", $"failure_reason must be one of {string.Join(", ", reasons)}.");
    }

    /// <summary>Closes dispute <paramref name="disputeId"/> as <c>won</c> or <c>lost</c> (<see cref="Disputing.Close"/>); 404 unknown, 400 already closed.</summary>
    public void CloseDispute(string apiKey, string disputeId, string outcome)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var dispute = state.Find(disputeId);
            if (dispute is null || dispute.ObjectType != DisputesApi.ObjectType) throw StripeApiException.NotFound("dispute", disputeId);
            Disputing.Close(new OperationContext(emulator, state, dispute.Account, null, null), dispute, outcome);
        }
    }

    /// <summary>
    /// Pays out a connected account's available balance, or <paramref name="amount"/> of it (minor units), failing with
    /// <paramref name="failureCode"/> when given (<see cref="PayingOut.PayOut"/>). Returns the payout id (<c>po_…</c>).
    /// </summary>
    public string PayOut(string apiKey, string accountId, long? amount, string? currency, string? failureCode)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, accountId, null, null);
            return PayingOut.PayOut(ctx, AccountsApi.Find(ctx, accountId, "account"), amount, currency, failureCode).Id;
        }
    }

    /// <summary>
    /// Makes every pending balance transaction of <paramref name="accountId"/> (null: the platform) available now and emits
    /// <c>balance.available</c> (a Connect event for a connected account). 404 for an unknown account.
    /// </summary>
    public void MakeBalanceAvailable(string apiKey, string? accountId)
    {
        var state = emulator.Store.GetOrCreate(apiKey);
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, accountId, null, null);
            if (accountId is not null) AccountsApi.Find(ctx, accountId, "account");
            Ledger.Release(ctx, now: true, onlyAccount: accountId);
        }
    }

    /// <summary>See <see cref="ApiChaos.FailNext"/>; 400 on a status other than 429/500, or 429 during execution.</summary>
    public void FailNextApiCalls(string apiKey, int status, int count, bool duringExecution = false)
    {
        if (status is not (429 or 500)) throw StripeApiException.Invalid("status", "status must be 429 or 500.");
        if (duringExecution && status != 500) throw StripeApiException.Invalid("during_execution", "Only a 500 can fail during execution.");
        emulator.Store.GetOrCreate(apiKey).ApiChaos.FailNext(status, count, duringExecution);
    }

    /// <summary>Holds the next <paramref name="count"/> API calls of the key for <paramref name="delay"/> each (0 clears every plan).</summary>
    public void DelayNextApiCalls(string apiKey, TimeSpan delay, int count, bool duringExecution = false)
    {
        if (delay <= TimeSpan.Zero || delay > TimeSpan.FromMinutes(10)) throw StripeApiException.Invalid("delay_ms", "delay_ms must be between 1 and 600000.");
        emulator.Store.GetOrCreate(apiKey).ApiChaos.DelayNext(delay, count, duringExecution);
    }

    public void SetWebhookChaos(string apiKey, WebhookChaos chaos) => emulator.Store.GetOrCreate(apiKey).WebhookChaos = chaos;

    public IReadOnlyList<DeliveryRecord> Deliveries(string apiKey) => emulator.Store.GetOrCreate(apiKey).Deliveries.Snapshot();

    /// <summary>The key's <c>/v1</c> calls, oldest first (bounded by <see cref="EmulatorLimits.MaxRequestsPerKey"/>).</summary>
    public IReadOnlyList<EmulatorRequest> Requests(string apiKey) => emulator.Store.GetOrCreate(apiKey).Requests.Snapshot();
}
