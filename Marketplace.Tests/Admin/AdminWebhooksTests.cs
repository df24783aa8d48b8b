using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Marketplace.Core.Admin;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Dispatch;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Admin;

public abstract partial class AdminWebhooksTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : MarketplaceFactory
{
    [Fact]
    public async Task Index_EndpointTypeAndStatusFilters_NewestFirst()
    {
        var type = $"test.admin.{Guid.NewGuid():N}";
        var processed = await app.InboxRowAsync(type, WebhookEventStatus.Processed, WebhookEndpointKind.Billing);
        var failed = await app.InboxRowAsync(type, WebhookEventStatus.Failed, WebhookEndpointKind.Connect);
        var ignored = await app.InboxRowAsync(type, WebhookEventStatus.Ignored, WebhookEndpointKind.Billing);
        using var admin = await app.AdminAsync();

        var all = await admin.Client.GetStringAsync($"/admin/webhooks?type={type}");
        var connect = await admin.Client.GetStringAsync($"/admin/webhooks?type={type}&endpoint=connect");
        var ignoredOnly = await admin.Client.GetStringAsync($"/admin/webhooks?type={type}&status=ignored");
        var billingFailed = await admin.Client.GetStringAsync($"/admin/webhooks?type={type}&endpoint=billing&status=failed");

        RowIds(all).Should().Equal(ignored, failed, processed);
        RowIds(connect).Should().Equal(failed);
        RowIds(ignoredOnly).Should().Equal(ignored);
        RowIds(billingFailed).Should().BeEmpty();
        all.Should().Contain($"/admin/webhooks/{failed}/process-again").And.Contain($"/admin/webhooks/{ignored}/process-again")
            .And.NotContain($"/admin/webhooks/{processed}/process-again");
    }

    [Fact]
    public async Task Index_UnknownFilterValue_SamePageWithAMessage()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.Client.GetAsync("/admin/webhooks?status=exploded&endpoint=nowhere");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not a known status").And.Contain("is not a known endpoint");
    }

    [Fact]
    public async Task CountsByStatus_Last24Hours_RowsReceivedEarlierLeftOut()
    {
        var before = await CountsAsync();
        await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Failed);
        await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Failed, receivedAt: DateTime.UtcNow.AddHours(-23));
        await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Failed, receivedAt: DateTime.UtcNow.AddHours(-25));
        await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Processed);

        var after = await CountsAsync();

        (after[WebhookEventStatus.Failed] - before[WebhookEventStatus.Failed]).Should().Be(2);
        (after[WebhookEventStatus.Processed] - before[WebhookEventStatus.Processed]).Should().Be(1);
        (after[WebhookEventStatus.Ignored] - before[WebhookEventStatus.Ignored]).Should().Be(0);
        using var admin = await app.AdminAsync();
        (await admin.Client.GetStringAsync("/admin/webhooks")).Should()
            .Contain($"data-count-status=\"failed\" data-count=\"{after[WebhookEventStatus.Failed]}\"");
    }

    [Fact]
    public async Task Details_PayloadWithMarkup_PrettyPrintedAndHtmlEncoded()
    {
        var payload = StripeEventSamples.Event("customer.subscription.updated", "sub_<script>alert('x')</script>", "subscription");
        var id = await app.InboxRowAsync("customer.subscription.updated", WebhookEventStatus.Failed, payload: payload);
        using var admin = await app.AdminAsync();

        var page = await admin.Client.GetStringAsync($"/admin/webhooks/{id}");

        page.Should().NotContain("<script>alert").And.Contain("sub_&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        page.Should().Contain("&#xA;  &quot;type&quot;: &quot;customer.subscription.updated&quot;,", "the payload is indented (a newline, encoded, then two spaces)");
        page.Should().Contain("StripeException: boom").And.Contain("data-field=\"attempts\">1<");
    }

    [Fact]
    public async Task Details_RowHeldByAClaim_ShowsTheClaimAndNoJob_InEnglishAndFrench()
    {
        var id = await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Received);
        var claim = WebhookJobClaims.NewToken();
        await app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.ClaimToken, claim).SetProperty(e => e.EnqueuedAt, new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc))));
        using var admin = await app.AdminAsync();

        var english = WebUtility.HtmlDecode(await admin.Client.GetStringAsync($"/admin/webhooks/{id}"));
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var french = WebUtility.HtmlDecode(await admin.Client.GetStringAsync($"/admin/webhooks/{id}"));

        english.Should().MatchRegex("data-field=\"hangfire-job-id\">\\s*<span>— \\(being enqueued under the claim below\\)")
            .And.Contain($"<code>{claim}</code> <small>(taken 2026-12-02 06:00:00 UTC; the recovery job takes over a claim older than 30 s)");
        french.Should().Contain($"<title>Événement {(await app.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == id))).StripeEventId} - Marketplace</title>")
            .And.Contain("Tâche Hangfire").And.Contain("— (en cours de mise en file sous la réservation ci-dessous)")
            .And.Contain($"<code>{claim}</code> <small>(prise le 02/12/2026 06:00:00 UTC ; la tâche de reprise reprend une réservation de plus de 30 s)");
    }

    [Fact]
    public async Task ProcessAgain_IgnoredEvent_BackToReceivedWithANewHangfireJobRecorded()
    {
        var id = await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Ignored);
        using var admin = await app.AdminAsync();

        var response = await admin.SubmitFormAsync($"/admin/webhooks/{id}", new Dictionary<string, string>(), $"/admin/webhooks/{id}/process-again");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var row = await app.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == id));
        row.Status.Should().Be(WebhookEventStatus.Received);
        row.HangfireJobId.Should().NotBeNull();
        row.ClaimToken.Should().BeNull("an admin's Process again enqueues at once, under the row's lock, without a claim");
        row.EnqueuedAt.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        var job = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(row.HangfireJobId);
        job.Job.Type.Should().Be(typeof(ProcessStripeWebhookJob));
        job.Job.Args[0].Should().Be(id);
        job.History.First().Data["Queue"].Should().Be("webhooks");
        var page = await admin.Client.GetStringAsync($"/admin/webhooks/{id}");
        page.Should().Contain($"Queued again as Hangfire job {row.HangfireJobId}")
            .And.Contain($"<a href=\"/hangfire/jobs/details/{row.HangfireJobId}\">{row.HangfireJobId}</a>")
            .And.MatchRegex("data-field=\"claim-token\">\\s*<span>— \\(none");
    }

    [Fact]
    public async Task ProcessAgain_ProcessedEvent_RefusedWithTheReasonNothingEnqueued()
    {
        var id = await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Processed);
        using var admin = await app.AdminAsync();

        var response = await admin.SubmitFormAsync($"/admin/webhooks/{id}", new Dictionary<string, string>(), $"/admin/webhooks/{id}/process-again");

        (await admin.Client.GetStringAsync(response.Headers.Location!.ToString())).Should().Contain("Only failed or ignored events can be processed again");
        var row = await app.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == id));
        row.Status.Should().Be(WebhookEventStatus.Processed);
        row.HangfireJobId.Should().BeNull();
    }

    [Fact]
    public async Task ProcessAgain_LiveModeEventInATestModeApp_RefusedNothingEnqueued()
    {
        var id = await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Ignored, livemode: true);
        using var admin = await app.AdminAsync();

        var response = await admin.SubmitFormAsync($"/admin/webhooks/{id}", new Dictionary<string, string>(), $"/admin/webhooks/{id}/process-again");

        (await admin.Client.GetStringAsync(response.Headers.Location!.ToString())).Should().Contain("can never be processed by this app");
        var row = await app.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == id));
        row.Status.Should().Be(WebhookEventStatus.Ignored);
        row.HangfireJobId.Should().BeNull();
    }

    [Fact]
    public async Task ProcessAgain_WithoutAntiforgeryToken_400AndNothingChanges()
    {
        var id = await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Failed);
        using var admin = await app.AdminAsync();

        var response = await admin.Client.PostAsync($"/admin/webhooks/{id}/process-again", new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == id))).Status.Should().Be(WebhookEventStatus.Failed);
    }

    [Fact]
    public async Task Details_UnknownId_404()
    {
        using var admin = await app.AdminAsync();

        (await admin.Client.GetAsync("/admin/webhooks/987654321")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<Dictionary<WebhookEventStatus, int>> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AdminWebhookQueries>().CountsByStatusAsync()).ToDictionary(c => c.Status, c => c.Count);
    }

    private static List<long> RowIds(string html) =>
        [.. RowLink().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("<td><a href=\"/admin/webhooks/(\\d+)\">")]
    private static partial Regex RowLink();
}

/// <summary>The admin's webhook inbox pages on SQLite.</summary>
public sealed class AdminWebhooksTests(MarketplaceFactory app) : AdminWebhooksTests<MarketplaceFactory>(app);
