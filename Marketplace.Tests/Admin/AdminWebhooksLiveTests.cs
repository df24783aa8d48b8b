using System.Net;
using Hangfire;
using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Admin;

/// <summary>"Process again" with the whole app: emulator delivering webhooks, a real Hangfire server, Stripe failing then back.</summary>
public sealed class AdminWebhooksLiveTests
{
    [Fact]
    public async Task ProcessAgain_EventFailedBecauseStripeAnswered500_ProcessedOnceStripeAnswersAgain()
    {
        await using var app = new NoClientRetriesFactory();
        var creatorId = await app.RegisterCreatorAsync();
        var accountId = await app.CreateConnectAccountAsync(creatorId);
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 10_000);
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        var row = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.ConnectedAccountId == accountId && e.Type == "account.updated"),
            e => e is not null, because: "the event reaches the inbox");
        await DriveToFailedAsync(app, row!.Id);
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 0);
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var inbox = await admin.Client.GetStringAsync("/admin/webhooks?status=failed&endpoint=connect");
        inbox.Should().Contain(row.StripeEventId).And.Contain($"/admin/webhooks/{row.Id}/process-again");

        var response = await admin.SubmitFormAsync("/admin/webhooks?status=failed", new Dictionary<string, string>(), $"/admin/webhooks/{row.Id}/process-again");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var processed = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == row.Id), e => e.Status == WebhookEventStatus.Processed,
            because: "processed again once the emulator answers");
        processed.Attempts.Should().Be(ProcessStripeWebhookJob.MaxRetries + 2);
        processed.LastError.Should().BeNull();
        processed.HangfireJobId.Should().NotBeNull();
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId)))
            .OnboardingStatus.Should().Be(OnboardingStatus.Complete);
        (await admin.Client.GetStringAsync($"/admin/webhooks/{row.Id}")).Should().Contain("data-field=\"status\">Processed<");
    }

    /// <summary>Hangfire's retry delays are minutes long: each scheduled retry is moved to the queue at once until the row is Failed.</summary>
    private static async Task DriveToFailedAsync(LiveMarketplaceFactory app, long rowId)
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await app.EventuallyAsync(async db =>
        {
            foreach (var scheduled in monitoring.ScheduledJobs(0, 100).Where(j => j.Value.Job?.Type == typeof(ProcessStripeWebhookJob) && Equals(j.Value.Job.Args[0], rowId)))
                jobs.Requeue(scheduled.Key);
            return await db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Id == rowId);
        }, e => e.Status == WebhookEventStatus.Failed, seconds: 120, because: "failed after the last retry");
    }
}
