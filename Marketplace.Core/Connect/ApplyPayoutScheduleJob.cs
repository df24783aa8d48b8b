using Hangfire;

namespace Marketplace.Core.Connect;

/// <summary>
/// Puts the platform's payout schedule an admin chose on every creator's account (<see cref="PayoutScheduleRollout.ApplyAsync"/>),
/// enqueued by the change. Hangfire jobs run in the background Stripe lane; retried (from the next account not done)
/// while Stripe cannot be reached.
/// </summary>
public sealed class ApplyPayoutScheduleJob(PayoutScheduleRollout rollout)
{
    /// <summary>Applies change <paramref name="version"/>; returns the accounts updated by this run.</summary>
    [Queue("default")]
    [DisableConcurrentExecution(600)]
    [AutomaticRetry(Attempts = 10)]
    public Task<int> RunAsync(int version, CancellationToken cancellationToken) => rollout.ApplyAsync(version, cancellationToken);
}
