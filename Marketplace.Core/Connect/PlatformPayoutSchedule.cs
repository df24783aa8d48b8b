using Marketplace.StripeGateway;

namespace Marketplace.Core.Connect;

/// <summary>
/// The payout schedule an admin chose for every creator (one row, <see cref="SingletonId"/>), replacing
/// <c>Payouts:Interval</c>… of the configuration once set, and the progress of putting it on every creator's Stripe
/// account (<see cref="ApplyPayoutScheduleJob"/>): <see cref="Version"/> grows with each change, so a run of an older
/// change stops; <see cref="Cursor"/> is the last <see cref="CreatorStripeAccount.Id"/> done, so a run that stopped
/// goes on from there.
/// </summary>
public class PlatformPayoutSchedule
{
    /// <summary>The one row's id.</summary>
    public const int SingletonId = 1;

    private PlatformPayoutSchedule()
    {
    }

    /// <summary>The row, with <paramref name="schedule"/>.</summary>
    public PlatformPayoutSchedule(PayoutScheduleSettings schedule, DateTime at)
    {
        Id = SingletonId;
        Change(schedule, 0, at);
    }

    public int Id { get; private set; }

    /// <summary><c>daily</c>, <c>weekly</c> or <c>monthly</c>.</summary>
    public string Interval { get; private set; } = "daily";

    /// <summary><c>monday</c>…<c>sunday</c> with weekly.</summary>
    public string? WeeklyAnchor { get; private set; }

    /// <summary>1–31 with monthly.</summary>
    public int? MonthlyAnchor { get; private set; }

    /// <summary>Days before a sale's money can go out; null: Stripe's minimum for the account's country.</summary>
    public int? DelayDays { get; private set; }

    /// <summary>When the admin changed it (UTC).</summary>
    public DateTime ChangedAt { get; private set; }

    /// <summary>Grows by one with each change.</summary>
    public int Version { get; private set; }

    /// <summary>Creator accounts to update when the change was made.</summary>
    public int Total { get; private set; }

    /// <summary>Creator accounts done (updated or failed).</summary>
    public int Done { get; private set; }

    /// <summary>Creator accounts Stripe refused or could not be reached for (left as they were).</summary>
    public int Failed { get; private set; }

    /// <summary>The last <see cref="CreatorStripeAccount.Id"/> done (0: none yet).</summary>
    public int Cursor { get; private set; }

    /// <summary>When every account was done (UTC); null while the change is being applied.</summary>
    public DateTime? FinishedAt { get; private set; }

    /// <summary>The schedule as Stripe's <c>settings[payouts][schedule]</c>.</summary>
    public PayoutScheduleSettings Schedule => new(Interval, WeeklyAnchor, MonthlyAnchor, DelayDays);

    /// <summary>Sets <paramref name="schedule"/> for <paramref name="total"/> accounts and starts its rollout from the first account.</summary>
    public void Change(PayoutScheduleSettings schedule, int total, DateTime at)
    {
        Interval = schedule.Interval;
        WeeklyAnchor = schedule.Interval == "weekly" ? schedule.WeeklyAnchor : null;
        MonthlyAnchor = schedule.Interval == "monthly" ? schedule.MonthlyAnchor : null;
        DelayDays = schedule.DelayDays;
        ChangedAt = at;
        Version++;
        Total = total;
        Done = 0;
        Failed = 0;
        Cursor = 0;
        FinishedAt = total == 0 ? at : null;
    }

    /// <summary>Records account <paramref name="accountId"/> as done (<paramref name="failed"/>: left as it was).</summary>
    public void Advance(int accountId, bool failed)
    {
        Cursor = accountId;
        Done++;
        if (failed) Failed++;
    }

    /// <summary>Records that every account was done at <paramref name="at"/> (UTC).</summary>
    public void Finish(DateTime at)
    {
        Total = Math.Max(Total, Done);
        FinishedAt = at;
    }
}
