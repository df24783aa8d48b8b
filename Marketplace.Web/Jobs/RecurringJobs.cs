using Hangfire;
using Marketplace.Core.Emails;
using Marketplace.Core.PriceSync;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks.Processing;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Jobs;

/// <summary>The app's recurring jobs, declared in one place with constant ids, and the jobs run once at start-up.</summary>
public static class RecurringJobs
{
    /// <summary>Registers (or updates) every recurring job, and enqueues the inbox recovery once now.</summary>
    public static void ScheduleMarketplaceJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<WebhookRecoveryJob>(WebhookRecoveryJob.RecurringJobId, Core.Jobs.JobQueues.Webhooks,
            job => job.RunAsync(120, null, CancellationToken.None), "*/5 * * * *");
        recurring.AddOrUpdate<PriceSyncJob>(PriceSyncJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.SyncAllAsync(CancellationToken.None), Cron.Daily(3));
        recurring.AddOrUpdate<EmailOutboxSweepJob>(EmailOutboxSweepJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<Core.Disputes.DisputeRetransferSweepJob>(Core.Disputes.DisputeRetransferSweepJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<Core.Orders.PendingOrderSweepJob>(Core.Orders.PendingOrderSweepJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
        recurring.AddOrUpdate<Core.Deliveries.OrphanFileSweepJob>(Core.Deliveries.OrphanFileSweepJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly(17));
        recurring.AddOrUpdate<Core.Connect.ReleasePayoutHoldsJob>(Core.Connect.ReleasePayoutHoldsJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly(5));
        recurring.AddOrUpdate<Core.Images.OrphanImageSweepJob>(Core.Images.OrphanImageSweepJob.RecurringJobId, Core.Jobs.JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly(47));

        // Rows acknowledged to Stripe before a crash and never given a job: pick them up now.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var startedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        jobs.Enqueue<WebhookRecoveryJob>(job => job.RunAsync(0, startedAt, CancellationToken.None));

        // The catalogue in Stripe at once (and again in a fresh emulator, whose objects die with the process).
        if (app.Services.GetRequiredService<IOptions<StripeOptions>>().Value.SyncPricesOnStartup)
            jobs.Enqueue<PriceSyncJob>(job => job.SyncAllAsync(CancellationToken.None));
    }
}
