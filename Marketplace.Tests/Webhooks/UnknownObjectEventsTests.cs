using System.Diagnostics;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Marketplace.Tests.Webhooks;

/// <summary>
/// Issue 16, item 3: an event whose objects this Stripe account does not hold (404 <c>resource_missing</c>, 403
/// <c>account_invalid</c> on the refetch) ends Ignored after one short retry, instead of ten retries over hours and Failed.
/// The live app (Hangfire server) with an empty emulator; the test delivers the events itself.
/// </summary>
public sealed class UnknownObjectEventsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Process_EverySamplePayloadWhoseObjectsStripeDoesNotHold_SettlesProcessedOrIgnoredWithinAMinute()
    {
        await using var app = new SelfDeliveredWebhooksFactory();
        using var client = new HttpClient { BaseAddress = app.AppUrl };
        var samples = StripeEventSamples.All();
        var clock = Stopwatch.StartNew();
        foreach (var (name, json, isConnect, id) in samples)
        {
            var unique = json.Replace(id, $"evt_unknown_{Guid.NewGuid():N}", StringComparison.Ordinal);
            var secret = isConnect ? StripeEventSamples.ConnectSecret : StripeEventSamples.BillingSecret;
            var response = await client.PostAsync(isConnect ? "/api/webhooks/stripe/connect" : "/api/webhooks/stripe/billing", unique, StripeEventSamples.Sign(unique, secret));
            response.IsSuccessStatusCode.Should().BeTrue(name);
        }

        var rows = await app.EventuallyAsync(db => db.StripeWebhookEvents.AsNoTracking().ToListAsync(),
            all => all.Count == samples.Count && all.All(e => e.Status is WebhookEventStatus.Processed or WebhookEventStatus.Ignored),
            seconds: 60, because: "every sample settles within a minute");

        output.WriteLine($"{rows.Count} events settled in {clock.Elapsed.TotalSeconds:0.0} s; attempts: "
            + string.Join(", ", rows.GroupBy(e => e.Attempts).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        rows.Should().OnlyContain(e => e.Attempts <= 2, "one short retry at most");
        rows.Where(e => e.Type.StartsWith("customer.subscription.", StringComparison.Ordinal) && !e.Livemode)
            .Should().NotBeEmpty().And.OnlyContain(e => e.Status == WebhookEventStatus.Ignored && e.LastError!.Contains("No such subscription") && e.LastError.Contains("on this Stripe account"));
        rows.Where(e => e.Type == "account.updated" && !e.Livemode).Should().NotBeEmpty()
            .And.OnlyContain(e => e.Status == WebhookEventStatus.Ignored && e.LastError!.Contains("account"), "404 resource_missing or 403 account_invalid");
    }
}
