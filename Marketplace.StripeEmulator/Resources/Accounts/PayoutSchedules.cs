using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;

namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// A connected account's <c>settings.payouts.schedule</c> (https://docs.stripe.com/connect/manage-payout-schedule,
/// https://docs.stripe.com/api/accounts/object#account_object-settings-payouts-schedule): <c>interval</c>
/// (<c>manual</c>, <c>daily</c>, <c>weekly</c>, <c>monthly</c>), <c>weekly_anchor</c> (required with weekly),
/// <c>monthly_anchor</c> 1–31 (required with monthly), <c>delay_days</c> (a number or <c>minimum</c>: 7 days, 2 in
/// the US; kept unchanged when the interval is manual). New accounts start daily at the minimum delay.
/// </summary>
internal static class PayoutSchedules
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Stripe's minimum <c>delay_days</c> for <paramref name="country"/> (the emulator's simplification).</summary>
    public static long MinimumDelay(string country) => country == "US" ? 2 : 7;

    /// <summary>The <c>settings</c> of a new account in <paramref name="country"/>.</summary>
    public static JsonObject NewSettings(string country) => new()
    {
        ["payouts"] = new JsonObject
        {
            ["debit_negative_balances"] = true,
            ["schedule"] = new JsonObject { ["delay_days"] = MinimumDelay(country), ["interval"] = "daily" },
            ["statement_descriptor"] = null,
        },
    };

    /// <summary>Reads <c>settings[payouts][schedule]</c> (all of <c>settings</c>, so nothing is left for <c>parameter_unknown</c>); null when absent.</summary>
    public static Func<JsonObject, JsonObject>? Read(StripeParams? settings)
    {
        var schedule = settings?.Obj("payouts")?.Obj("schedule");
        if (schedule is null) return null;
        var interval = schedule.Enum("interval", "manual", "daily", "weekly", "monthly");
        var weekly = schedule.Enum("weekly_anchor", Weekdays);
        var monthly = schedule.Long("monthly_anchor");
        var delayRaw = schedule.Str("delay_days");
        if (interval == "weekly" && weekly is null) throw StripeApiException.Missing("settings[payouts][schedule][weekly_anchor]");
        if (interval == "monthly" && monthly is null) throw StripeApiException.Missing("settings[payouts][schedule][monthly_anchor]");
        if (monthly is < 1 or > 31) throw StripeApiException.Invalid("settings[payouts][schedule][monthly_anchor]", "This value must be between 1 and 31.");
        long? delay = null;
        if (delayRaw is not null && delayRaw != "minimum")
        {
            if (!long.TryParse(delayRaw, out var days) || days < 0 || days > 365)
                throw StripeApiException.Invalid("settings[payouts][schedule][delay_days]", "Invalid integer: " + delayRaw);
            delay = days;
        }

        return current =>
        {
            var country = current["country"]?.GetValue<string>() ?? "US";
            var next = new JsonObject { ["interval"] = interval ?? current["interval"]?.GetValue<string>() ?? "daily" };
            var nextInterval = next["interval"]!.GetValue<string>();
            next["delay_days"] = nextInterval == "manual" && delayRaw is null
                ? current["delay_days"]?.GetValue<long>() ?? MinimumDelay(country)
                : delay ?? MinimumDelay(country);
            if (nextInterval == "weekly") next["weekly_anchor"] = weekly ?? current["weekly_anchor"]?.GetValue<string>();
            if (nextInterval == "monthly") next["monthly_anchor"] = monthly ?? current["monthly_anchor"]?.GetValue<long>();
            return next;
        };
    }

    /// <summary>Applies a read schedule change to account <paramref name="account"/>'s JSON.</summary>
    public static void Apply(JsonObject account, Func<JsonObject, JsonObject>? change)
    {
        if (change is null) return;
        account["settings"] ??= NewSettings(account["country"]?.GetValue<string>() ?? "US");
        var payouts = account["settings"]!["payouts"]!.AsObject();
        var current = payouts["schedule"]?.AsObject().DeepClone().AsObject() ?? new JsonObject();
        current["country"] = account["country"]?.GetValue<string>();
        payouts["schedule"] = change(current);
    }
}
