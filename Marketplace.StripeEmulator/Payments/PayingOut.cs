using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.Payouts;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Payouts of a connected account's available balance to its bank account (https://docs.stripe.com/payouts), made by the
/// control API in one step: the payout is created <c>pending</c> with a <c>payout</c> debit of −amount
/// (<c>payout.created</c>), then <c>paid</c> (<c>payout.paid</c>) or <c>failed</c> with Stripe's <c>failure_code</c> and
/// <c>failure_message</c> and a <c>payout_failure</c> credit that gives the amount back (<c>payout.failed</c>). Connect
/// events (<c>account</c> set), since the payout lives on the connected account. Caller holds the key's lock.
/// </summary>
internal static class PayingOut
{
    /// <summary>Stripe's payout failure codes and messages (https://docs.stripe.com/api/payouts/failures).</summary>
    public static readonly Dictionary<string, string> Failures = new()
    {
        ["account_closed"] = "The bank account has been closed.",
        ["account_frozen"] = "The bank account has been frozen.",
        ["bank_account_restricted"] = "The bank account has restrictions on either the type, or the number, of payouts allowed.",
        ["bank_ownership_changed"] = "The destination bank account is no longer valid because its branch has changed ownership.",
        ["could_not_process"] = "The bank could not process this payout.",
        ["debit_not_authorized"] = "Debit transactions are not approved on the bank account.",
        ["declined"] = "The bank has declined this transfer.",
        ["insufficient_funds"] = "Your Stripe account has insufficient funds to cover the payout.",
        ["invalid_account_number"] = "The routing number seems correct, but the account number is invalid.",
        ["invalid_currency"] = "The bank was unable to process this payout because of its currency.",
        ["no_account"] = "The bank account details on file are probably incorrect. No bank account could be located with those details.",
    };

    /// <summary>
    /// Pays out <paramref name="amount"/> (minor units; null: all that is available) of <paramref name="currency"/> (null: the
    /// account's default currency) from <paramref name="account"/>. 400 <c>payouts_not_allowed</c> when payouts are disabled,
    /// <c>balance_insufficient</c> beyond the available balance, <c>parameter_invalid</c> for an unknown failure code.
    /// </summary>
    public static Resource PayOut(OperationContext ctx, Resource account, long? amount, string? currency, string? failureCode)
    {
        if (failureCode is not null && !Failures.ContainsKey(failureCode))
            throw StripeApiException.Invalid("failure_code", $"failure_code must be one of {string.Join(", ", Failures.Keys)}.");
        if (account.Json["payouts_enabled"]?.GetValue<bool>() != true)
            throw StripeApiException.BadRequest($"Payouts are not enabled for account {account.Id}.", null, "payouts_not_allowed");
        currency = (currency ?? account.Str("default_currency") ?? "usd").ToLowerInvariant();
        var available = Ledger.Available(ctx.State, account.Id, currency);
        amount ??= available;
        if (amount <= 0 || amount > available)
            throw StripeApiException.BadRequest(
                $"You have insufficient funds in your Stripe account for this payout ({Currencies.Format(available, currency)} available).",
                "amount", "balance_insufficient");

        ctx.State.EnsureRoom(3);
        var id = Ids.New("po_");
        var txn = Ledger.Record(ctx, account.Id, "payout", "payout", -amount.Value, currency, id, "STRIPE PAYOUT");
        var destination = account.Internal.TryGetValue("bank_account", out var bank) ? bank : account.Internal["bank_account"] = Ids.New("ba_");
        var payout = ctx.State.Add(id, PayoutsApi.ObjectType, account.Id,
            PayoutsApi.New(id, amount.Value, currency, txn.Id, destination, ctx.Now));
        ctx.Emit("payout.created", payout);
        if (failureCode is null)
        {
            ctx.Update(payout, "payout.paid", json => json["status"] = "paid");
            return payout;
        }
        var back = Ledger.RecordAvailable(ctx, account.Id, "payout_failure", "payout_reversal", amount.Value, currency, id, "STRIPE PAYOUT FAILURE");
        ctx.Update(payout, "payout.failed", json =>
        {
            json["status"] = "failed";
            json["failure_code"] = failureCode;
            json["failure_message"] = Failures[failureCode];
            json["failure_balance_transaction"] = back.Id;
        });
        return payout;
    }
}
