using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Takes back, within seconds, the jobs a dead Hangfire server left in the Processing state (a process killed mid-job):
/// without it they wait for the storage's invisibility timeout (<see cref="HangfireOptions.SqliteInvisibilityTimeoutSeconds"/>,
/// 300 s on SQLite) while, say, a creator who paid stays on Free. At start-up and every
/// <see cref="HangfireOptions.DeadServerCheckSeconds"/> it lists Hangfire's processing jobs and moves those of a dead
/// server (<see cref="DeadServers"/>) back to Enqueued, expecting them still Processing (Hangfire's compare-and-set on
/// the state), so a job that finished or was taken meanwhile is left alone. A job of a live server is never touched: a
/// webhook row is never run twice while its first job still runs (and its row lock and status make a second run a
/// no-op anyway). Runs in processes with a Hangfire server.
/// </summary>
public sealed class DeadServerJobRecovery(
    JobStorage storage,
    IBackgroundJobClient jobs,
    IOptions<HangfireOptions> options,
    TimeProvider clock,
    ILogger<DeadServerJobRecovery> logger) : BackgroundService
{
    private readonly DeadServers _deadServers = DeadServers.ForThisProcess();

    /// <summary>One pass: requeues the processing jobs of dead servers; returns how many were requeued.</summary>
    public int RequeueJobsOfDeadServers()
    {
        var monitoring = storage.GetMonitoringApi();
        var servers = monitoring.Servers().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var requeued = 0;
        foreach (var (jobId, job) in monitoring.ProcessingJobs(0, 1000))
        {
            if (job.ServerId is not { } serverId || !_deadServers.IsDead(serverId, servers, now)) continue;
            var state = new EnqueuedState(job.Job?.Queue ?? EnqueuedState.DefaultQueue) { Reason = $"Its server {serverId} is dead" };
            if (!jobs.ChangeState(jobId, state, ProcessingState.StateName)) continue;
            logger.LogWarning("Job {JobId} ({JobType}) was processing on dead server {ServerId}; enqueued again",
                jobId, job.Job?.Type.Name, serverId);
            requeued++;
        }

        return requeued;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.DeadServerCheckSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                RequeueJobsOfDeadServers();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not look for jobs of dead Hangfire servers; trying again in {Seconds} s", every.TotalSeconds);
            }

            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
