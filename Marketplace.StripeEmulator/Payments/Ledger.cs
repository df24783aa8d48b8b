using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Balance transactions (https://docs.stripe.com/api/balance_transactions/object) and the balances they add up to
/// (https://docs.stripe.com/api/balance/balance_object). Every movement of money on the platform or a connected account is
/// one <c>txn_…</c> on that account; a balance is the sum of their <c>net</c> per currency, <c>pending</c> until
/// <c>available_on</c> and <c>available</c> after. Credits become available <see cref="AvailabilityDelaySeconds"/> after
/// they are made on the platform, a connected account's <c>delay_days</c> after on that account (or through the control API); debits (transfers, refunds, disputes, payouts) are available at once.
/// </summary>
internal static class Ledger
{
    public const string ObjectType = "balance_transaction";

    /// <summary>Seven days, Stripe's usual first payout delay: when a credit moves from pending to available.</summary>
    public const long AvailabilityDelaySeconds = 7 * 86_400;

    /// <summary>One <c>stripe_fee</c> or <c>application_fee</c> line of <c>fee_details</c>.</summary>
    public sealed record FeeLine(string Type, long Amount, string Description, string? Application = null);

    /// <summary>
    /// Records a balance transaction of <paramref name="amount"/> (signed, minor units) on <paramref name="account"/>
    /// (null: the platform) with the given fees; <c>net</c> = amount − fees.
    /// </summary>
    public static Resource Record(OperationContext ctx, string? account, string type, string reportingCategory, long amount,
        string currency, string source, string? description, params FeeLine[] fees)
    {
        var fee = fees.Sum(f => f.Amount);
        var availableOn = amount > 0 ? ctx.Now + DelaySeconds(ctx, account) : ctx.Now;
        var id = Ids.New("txn_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["amount"] = amount,
            ["available_on"] = availableOn,
            ["balance_type"] = "payments",
            ["created"] = ctx.Now,
            ["currency"] = currency,
            ["description"] = description,
            ["exchange_rate"] = null,
            ["fee"] = fee,
            ["fee_details"] = new JsonArray(fees.Select(f => (JsonNode)new JsonObject
            {
                ["amount"] = f.Amount,
                ["application"] = f.Application,
                ["currency"] = currency,
                ["description"] = f.Description,
                ["type"] = f.Type,
            }).ToArray()),
            ["net"] = amount - fee,
            ["reporting_category"] = reportingCategory,
            ["source"] = source,
            ["status"] = availableOn <= ctx.Now ? "available" : "pending",
            ["type"] = type,
        };
        return ctx.State.Add(id, ObjectType, account, json);
    }

    /// <summary>
    /// How long a credit on <paramref name="account"/> stays pending: a connected account's
    /// <c>settings.payouts.schedule.delay_days</c> ("the number of days charge funds are held before being paid out",
    /// https://docs.stripe.com/api/accounts/object#account_object-settings-payouts-schedule-delay_days), else
    /// <see cref="AvailabilityDelaySeconds"/> (the platform's own balance).
    /// </summary>
    private static long DelaySeconds(OperationContext ctx, string? account) =>
        account is not null && ctx.State.Find(account)?.Json["settings"]?["payouts"]?["schedule"]?["delay_days"] is JsonValue days
            ? days.AsLong() * 86_400
            : AvailabilityDelaySeconds;

    /// <summary>A credit that is available at once (money coming back: a transfer reversal, a failed refund, reinstated dispute funds).</summary>
    public static Resource RecordAvailable(OperationContext ctx, string? account, string type, string reportingCategory, long amount,
        string currency, string source, string? description)
    {
        var transaction = Record(ctx, account, type, reportingCategory, amount, currency, source, description);
        transaction.Json["available_on"] = ctx.Now;
        transaction.Json["status"] = "available";
        return transaction;
    }

    /// <summary>
    /// The balance object of <paramref name="account"/> (null: the platform): <c>available</c> and <c>pending</c>, one entry
    /// per currency that has moved (the account's default currency with 0 when none has), amounts in minor units.
    /// </summary>
    public static JsonObject Balance(KeyState state, string? account, string defaultCurrency)
    {
        var transactions = state.OfType(ObjectType, account).Select(t => t.Json).ToList();
        var currencies = transactions.Select(t => t["currency"]!.GetValue<string>()).Distinct().Order().ToList();
        if (currencies.Count == 0) currencies.Add(defaultCurrency);
        JsonArray Sum(string status) => new(currencies.Select(c =>
        {
            var amount = transactions.Where(t => t["currency"]!.GetValue<string>() == c && t["status"]!.GetValue<string>() == status)
                .Sum(t => t["net"]!.AsLong());
            return (JsonNode)new JsonObject
            {
                ["amount"] = amount, ["currency"] = c, ["source_types"] = new JsonObject { ["card"] = amount },
            };
        }).ToArray());
        return new JsonObject
        {
            ["object"] = "balance",
            ["available"] = Sum("available"),
            ["livemode"] = false,
            ["pending"] = Sum("pending"),
        };
    }

    /// <summary>Available amount of <paramref name="currency"/> on <paramref name="account"/>, minor units.</summary>
    public static long Available(KeyState state, string? account, string currency) =>
        state.OfType(ObjectType, account)
            .Where(t => t.Str("currency") == currency && t.Str("status") == "available")
            .Sum(t => t.Json["net"]!.AsLong());

    /// <summary>
    /// Makes pending transactions available once the key's clock reaches their <c>available_on</c> (all of them on
    /// <paramref name="onlyAccount"/> when <paramref name="now"/> is true), then emits <c>balance.available</c> once per
    /// account that changed: a Connect event for a connected account, a platform event for the platform. Refunds waiting for
    /// the platform's funds are then paid as far as its available balance allows (<see cref="Refunding.PayAwaitingFunds"/>).
    /// </summary>
    public static void Release(OperationContext ctx, bool now = false, string? onlyAccount = null)
    {
        var changed = new List<string?>();
        foreach (var transaction in ctx.State.AllOfType(ObjectType))
        {
            if (transaction.Str("status") != "pending") continue;
            if (now && transaction.Account != onlyAccount) continue;
            if (!now && transaction.Json["available_on"]!.AsLong() > ctx.Now) continue;
            if (now) transaction.Json["available_on"] = ctx.Now;
            transaction.Json["status"] = "available";
            if (!changed.Contains(transaction.Account)) changed.Add(transaction.Account);
        }
        foreach (var account in changed)
        {
            var currency = account is null ? "usd" : ctx.State.Find(account)?.Str("default_currency") ?? "usd";
            ctx.Emulator.Emit(ctx.State, "balance.available", Balance(ctx.State, account, currency), null, account, ctx.RequestId, ctx.IdempotencyKey);
        }
        if (changed.Contains(null)) Refunding.PayAwaitingFunds(ctx);
    }
}
