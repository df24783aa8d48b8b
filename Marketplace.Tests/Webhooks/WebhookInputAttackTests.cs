using Marketplace.Tests.Web;
using System.Diagnostics;
using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Marketplace.Tests.Webhooks;

/// <summary>
/// 1,000 generated bad deliveries per webhook endpoint against the app on a real Kestrel port (what Stripe and attackers
/// meet: Kestrel's own header and body limits included), with one valid signed event in the middle. Every bad one is a
/// 4xx and leaves no inbox row; the valid one is stored and processed; the app is still ready after.
/// </summary>
public sealed class WebhookInputAttackTests(ITestOutputHelper output)
{
    /// <summary>The generator's seed: a failure names its request index, and the same seed replays it.</summary>
    public const int Seed = 20261125;

    private const int RequestsPerEndpoint = 1000;

    [Fact]
    public async Task Post_1000BadRequestsToBilling_All4xxNoRowValidEventProcessed()
    {
        await using var app = new SelfDeliveredWebhooksFactory();
        var creatorId = await app.RegisterCreatorAsync();
        var sessionId = await app.SubscribeThroughCheckoutAsync(creatorId, PlanCodes.Silver);
        var subscriptionId = (await app.Stripe.V1.Checkout.Sessions.GetAsync(sessionId)).SubscriptionId;
        var valid = StripeEventSamples.Event("customer.subscription.updated", subscriptionId, "subscription");

        var report = await AttackAsync(app, "/api/webhooks/stripe/billing", StripeEventSamples.BillingSecret, StripeEventSamples.ConnectSecret, null, valid);

        var subscription = await app.WithDbAsync(db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId));
        subscription.StripeSubscriptionId.Should().Be(subscriptionId, "the valid event among the attack was applied");
        subscription.Plan!.Code.Should().Be(PlanCodes.Silver);
        subscription.Status.Should().Be(SubscriptionStatus.Active);
        output.WriteLine(report);
    }

    [Fact]
    public async Task Post_1000BadRequestsToConnect_All4xxNoRowValidEventProcessed()
    {
        await using var app = new SelfDeliveredWebhooksFactory();
        var creatorId = await app.RegisterCreatorAsync();
        var accountId = await app.CreateConnectAccountAsync(creatorId);
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled"); // delivered to nobody: the test delivers the event
        var valid = StripeEventSamples.Event("account.updated", accountId, "account", account: accountId);

        var report = await AttackAsync(app, "/api/webhooks/stripe/connect", StripeEventSamples.ConnectSecret, StripeEventSamples.BillingSecret, accountId, valid);

        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId)))
            .OnboardingStatus.Should().Be(OnboardingStatus.Complete, "the valid event among the attack was applied");
        output.WriteLine(report);
    }

    /// <summary>
    /// Sends the generated requests one by one with the valid event at the halfway mark, asserts the outcome and returns
    /// the counts (tried, rejected by status, 5xx, transport errors, rows stored) as text.
    /// </summary>
    private static async Task<string> AttackAsync(LiveMarketplaceFactory app, string path, string secret, string otherSecret,
        string? connectedAccount, string validEvent)
    {
        var requests = new BadWebhookRequests(Seed + (connectedAccount is null ? 0 : 1), path, secret, otherSecret, connectedAccount)
            .Generate(RequestsPerEndpoint);
        var rowsBefore = await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync());
        using var client = new HttpClient { BaseAddress = app.AppUrl, Timeout = TimeSpan.FromSeconds(60) };
        var statuses = new Dictionary<(string Category, int Status), int>();
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();

        foreach (var bad in requests)
        {
            if (bad.Index == RequestsPerEndpoint / 2)
            {
                var accepted = await client.PostAsync(path, validEvent, StripeEventSamples.Sign(validEvent, secret));
                accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
            }

            int status;
            try
            {
                using var request = bad.Build();
                if (bad.Raw)
                {
                    // Kestrel answers 413 and closes without draining 5 MB: read the answer while still writing.
                    status = await RawHttpSender.SendAsync(app.AppUrl, request, TimeSpan.FromSeconds(60));
                    if (status is < 400 or >= 500) failures.Add($"#{bad.Index} {bad.Category}: {status}");
                }
                else
                {
                    using var response = await client.SendAsync(request);
                    status = (int)response.StatusCode;
                    if (status is < 400 or >= 500)
                        failures.Add($"#{bad.Index} {bad.Category}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
            catch (HttpRequestException ex)
            {
                status = 0; // the connection was closed before an answer: Stripe would see no status at all
                failures.Add($"#{bad.Index} {bad.Category}: no answer ({ex.Message})");
            }

            statuses[(bad.Category, status)] = statuses.GetValueOrDefault((bad.Category, status)) + 1;
        }

        watch.Stop();
        var validId = System.Text.Json.JsonDocument.Parse(validEvent).RootElement.GetProperty("id").GetString();
        var stored = await app.EventuallyAsync(db => db.StripeWebhookEvents.Where(e => e.StripeEventId == validId).ToListAsync(),
            rows => rows.Count == 1 && rows[0].Status == WebhookEventStatus.Processed, because: "the valid event among the attack is processed");
        var rowsAfter = await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync());
        var badRowsStored = rowsAfter - rowsBefore - stored.Count;

        using var ready = await client.GetAsync("/health/ready");

        var rejected = statuses.Where(s => s.Key.Status is >= 400 and < 500).Sum(s => s.Value);
        var fiveXx = statuses.Where(s => s.Key.Status >= 500).Sum(s => s.Value);
        var noAnswer = statuses.Where(s => s.Key.Status == 0).Sum(s => s.Value);
        var text = $"{path} seed {Seed}: tried {requests.Count}, rejected 4xx {rejected}, 5xx {fiveXx}, no answer {noAnswer}, "
            + $"bad rows stored {badRowsStored}, valid event {stored[0].Status}, /health/ready {(int)ready.StatusCode}, "
            + $"{watch.Elapsed.TotalSeconds:F1} s\n  "
            + string.Join("\n  ", statuses.OrderBy(s => s.Key.Category).Select(s => $"{s.Key.Category} → {s.Key.Status}: {s.Value}"));

        failures.Should().BeEmpty(text);
        rejected.Should().Be(requests.Count, text);
        badRowsStored.Should().Be(0, text);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        return text;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
