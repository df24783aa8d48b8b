using Hangfire;

namespace Marketplace.Core.Connect;

/// <summary>
/// Recurring (hourly): ends new creators' payout holds that are due (<see cref="PayoutControl.ReleaseDueHoldsAsync"/>),
/// so Stripe starts paying them out on the platform's schedule.
/// </summary>
public sealed class ReleasePayoutHoldsJob(PayoutControl control)
{
    public const string RecurringJobId = "release-payout-holds";

    /// <summary>Releases the due holds; returns how many.</summary>
    [Queue("default")]
    [DisableConcurrentExecution(300)]
    [AutomaticRetry(Attempts = 0)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => control.ReleaseDueHoldsAsync(cancellationToken);
}
