using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.Resources.Payouts;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Automatic payouts on a connected account's <c>settings.payouts.schedule</c>, run by the key's test clock
/// (https://docs.stripe.com/connect/manage-payout-schedule; https://docs.stripe.com/api/payouts/object): on each payout
/// day (<c>daily</c>: every day; <c>weekly</c>: the <c>weekly_anchor</c> weekday; <c>monthly</c>: the
/// <c>monthly_anchor</c> day, "the last day of a shorter month"), UTC, the account's whole available balance of each
/// currency is paid out: a <c>payout</c> debit (the balance drops at once), a payout <c>pending</c> with
/// <c>automatic=true</c> and <c>arrival_date</c> 2 days later (<c>payout.created</c>), <c>paid</c> once the clock reaches
/// its arrival date (<c>payout.paid</c>); Connect events. A clock move over several payout days pays each of them what was
/// available on that day (the payout is dated that day). A <c>manual</c> account, or one whose payouts are disabled, is
/// never paid automatically: its available balance accumulates. Caller holds the key's lock.
/// </summary>
internal static class ScheduledPayouts
{
    private const string LastPayoutDayKey = "scheduled_payout_day";
    private const long Day = 86_400;

    /// <summary>A clock move longer than this pays out only on the payout days of its last 400 days.</summary>
    private const long MaxDaysLookedBack = 400;

    /// <summary>Pays out every scheduled account on each payout day the clock passed, then settles the payouts that arrived.</summary>
    public static void RunDue(OperationContext ctx)
    {
        foreach (var account in ctx.State.OfType(AccountStates.ObjectType, null).Reverse().ToList())
        {
            if (account.Internal.ContainsKey("deauthorized")) continue;
            var schedule = account.Json["settings"]?["payouts"]?["schedule"] as JsonObject;
            if (account.Json["payouts_enabled"]?.GetValue<bool>() != true || schedule is null || LastPayoutDay(schedule, ctx.Now) is not { } latest)
            {
                // manual or disabled now: the days passed are not payout days, even if a schedule comes back later
                account.Internal[LastPayoutDayKey] = (ctx.Now / Day * Day).ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            var last = account.Internal.TryGetValue(LastPayoutDayKey, out var seen)
                ? long.Parse(seen, System.Globalization.CultureInfo.InvariantCulture)
                : account.Json["created"]!.AsLong() / Day * Day;
            if (latest <= last) continue;
            for (var day = Math.Max(last + Day, latest - MaxDaysLookedBack * Day); day <= latest; day += Day)
                if (LastPayoutDay(schedule, day) == day) PayAvailable(ctx, account, day);
            account.Internal[LastPayoutDayKey] = latest.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var payout in ctx.State.AllOfType(PayoutsApi.ObjectType).ToList())
        {
            if (payout.Str("status") == "pending" && payout.Internal.ContainsKey("scheduled") && payout.Json["arrival_date"]!.AsLong() <= ctx.Now)
                ctx.Update(payout, "payout.paid", json => json["status"] = "paid");
        }
    }

    /// <summary>
    /// The start (Unix seconds, UTC midnight) of the latest payout day of <paramref name="schedule"/> at or before
    /// <paramref name="now"/>; null for <c>manual</c> or an unknown interval.
    /// </summary>
    public static long? LastPayoutDay(JsonObject schedule, long now)
    {
        var today = DateTimeOffset.FromUnixTimeSeconds(now / Day * Day);
        switch (schedule["interval"]?.GetValue<string>())
        {
            case "daily":
                return today.ToUnixTimeSeconds();
            case "weekly":
                var anchor = Enum.Parse<DayOfWeek>(schedule["weekly_anchor"]?.GetValue<string>() ?? "monday", ignoreCase: true);
                return today.AddDays(-(((int)today.DayOfWeek - (int)anchor + 7) % 7)).ToUnixTimeSeconds();
            case "monthly":
                var day = (int)(schedule["monthly_anchor"]?.AsLong() ?? 1);
                var thisMonth = AnchorIn(today.Year, today.Month, day);
                if (thisMonth <= today) return thisMonth.ToUnixTimeSeconds();
                var previous = today.AddMonths(-1);
                return AnchorIn(previous.Year, previous.Month, day).ToUnixTimeSeconds();
            default:
                return null;
        }
    }

    private static DateTimeOffset AnchorIn(int year, int month, int anchor) =>
        new(year, month, Math.Min(anchor, DateTime.DaysInMonth(year, month)), 0, 0, 0, TimeSpan.Zero);

    private static void PayAvailable(OperationContext ctx, Resource account, long day)
    {
        var transactions = ctx.State.OfType(Ledger.ObjectType, account.Id).ToList();
        foreach (var currency in transactions.Select(t => t.Str("currency")!).Distinct().Order().ToList())
        {
            var available = transactions.Where(t => t.Str("currency") == currency && t.Str("status") == "available" && t.Json["available_on"]!.AsLong() <= day)
                .Sum(t => t.Json["net"]!.AsLong());
            if (available <= 0) continue;
            ctx.State.EnsureRoom(2);
            var id = Ids.New("po_");
            var txn = Ledger.Record(ctx, account.Id, "payout", "payout", -available, currency, id, "STRIPE PAYOUT");
            txn.Json["available_on"] = day;
            txn.Json["created"] = day;
            var destination = account.Internal.TryGetValue("bank_account", out var bank) ? bank : account.Internal["bank_account"] = Ids.New("ba_");
            var payout = ctx.State.Add(id, PayoutsApi.ObjectType, account.Id, PayoutsApi.New(id, available, currency, txn.Id, destination, day));
            payout.Internal["scheduled"] = "true";
            ctx.Emit("payout.created", payout);
            transactions.Add(txn);
        }
    }
}
