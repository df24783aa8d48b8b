using System.Net;
using Hangfire;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Webhooks;

public sealed class WebhookEndpointTests : IClassFixture<WebhookFactory>
{
    private const string Billing = "/api/webhooks/stripe/billing";
    private const string Connect = "/api/webhooks/stripe/connect";
    private readonly WebhookFactory _factory;

    public WebhookEndpointTests(WebhookFactory factory) => _factory = factory;

    [Fact]
    public async Task Post_EverySamplePayloadSignedForItsEndpoint_Returns200AndStoresIt()
    {
        using var client = _factory.CreateClient();
        var samples = StripeEventSamples.All();
        samples.Should().HaveCountGreaterThan(20);

        foreach (var (name, json, isConnect, id) in samples)
        {
            var response = await client.PostAsync(isConnect ? Connect : Billing, json,
                StripeEventSamples.Sign(json, isConnect ? StripeEventSamples.ConnectSecret : StripeEventSamples.BillingSecret));

            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{name}: {await response.Content.ReadAsStringAsync()}");
            (await _factory.WithDbAsync(db => db.StripeWebhookEvents.AnyAsync(e => e.StripeEventId == id))).Should().BeTrue(name);
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Post_SampleToTheOtherEndpoint_Returns400AndStoresNothing(string name)
    {
        var (json, isConnect) = Sample(name);
        using var client = _factory.CreateClient();

        var response = await client.PostAsync(isConnect ? Billing : Connect, json,
            StripeEventSamples.Sign(json, isConnect ? StripeEventSamples.BillingSecret : StripeEventSamples.ConnectSecret));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(isConnect ? "billing endpoint" : "connect endpoint");
        await AssertNotStored(json);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Post_SampleWithWrongSecretStaleTimestampOrChangedByte_Returns400AndStoresNothing(string name)
    {
        var (json, isConnect) = Sample(name);
        var path = isConnect ? Connect : Billing;
        var secret = isConnect ? StripeEventSamples.ConnectSecret : StripeEventSamples.BillingSecret;
        var otherSecret = isConnect ? StripeEventSamples.BillingSecret : StripeEventSamples.ConnectSecret;
        var changed = json.Replace("\"type\"", "\"type\" ", StringComparison.Ordinal);
        using var client = _factory.CreateClient();

        var attempts = new[]
        {
            (json, StripeEventSamples.Sign(json, "whsec_wrong_secret_000000")),
            (json, StripeEventSamples.Sign(json, otherSecret)),
            (json, StripeEventSamples.Sign(json, secret, DateTimeOffset.UtcNow.AddMinutes(-6))),
            (changed, StripeEventSamples.Sign(json, secret)),
            (json, (string?)null),
        };

        foreach (var (body, signature) in attempts)
            (await client.PostAsync(path, body, signature)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertNotStored(json);
    }

    [Fact]
    public async Task Post_SameEvent20TimesAtOnce_StoresOneRowAndEnqueuesOneJob()
    {
        var json = StripeEventSamples.Event("customer.subscription.updated", "sub_dup", "subscription");
        using var client = _factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        (await _factory.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Payload == json))).Should().Be(1);
        var row = await WithHangfireJobAsync(json);
        // A later event's job is enqueued by a later dispatcher pass: a second claim of the row would have been made by then.
        await WithHangfireJobAsync(await PostMarkerAsync(client));

        JobsNaming(row.Id).Should().Be(1, "one batch job names the row");
    }

    [Fact]
    public async Task Post_LiveEventToTestModeApp_StoresItAsIgnoredWithoutAJob()
    {
        var json = StripeEventSamples.Event("invoice.paid", "in_live", "invoice", livemode: true);
        using var client = _factory.CreateClient();

        var response = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var row = await _factory.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Payload == json));
        row.Status.Should().Be(WebhookEventStatus.Ignored);
        row.LastError.Should().Contain("live-mode");
        // An event received after it gets its job from a dispatcher pass that saw the ignored row already.
        await WithHangfireJobAsync(await PostMarkerAsync(client));
        (await _factory.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Payload == json))).HangfireJobId.Should().BeNull();
        JobsNaming(row.Id).Should().Be(0);
    }

    [Fact]
    public async Task Post_ValidJsonThatIsNotAnEvent_Returns400()
    {
        const string json = "{\"id\":\"cus_123\",\"object\":\"customer\"}";
        using var client = _factory.CreateClient();

        var response = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not a Stripe event");
    }

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var sample in StripeEventSamples.All()) data.Add(sample.Name);
        return data;
    }

    private static (string Json, bool IsConnect) Sample(string name)
    {
        var sample = StripeEventSamples.All().Single(s => s.Name == name);
        return (sample.Json.Replace(sample.Id, $"evt_unique_{Guid.NewGuid():N}", StringComparison.Ordinal), sample.IsConnect);
    }

    /// <summary>Posts a fresh signed Billing event (a marker whose job shows that the dispatcher passed after what came before).</summary>
    private static async Task<string> PostMarkerAsync(HttpClient client)
    {
        var marker = StripeEventSamples.Event("customer.subscription.updated", $"sub_marker_{Guid.NewGuid():N}", "subscription");
        (await client.PostAsync(Billing, marker, StripeEventSamples.Sign(marker, StripeEventSamples.BillingSecret))).StatusCode.Should().Be(HttpStatusCode.OK);
        return marker;
    }

    /// <summary>Waits until the row of <paramref name="json"/> holds its Hangfire job id (not the dispatcher's claim token).</summary>
    private async Task<StripeWebhookEvent> WithHangfireJobAsync(string json)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var row = await _factory.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Payload == json));
            if (row.HangfireJobId is not null) return row;
            DateTime.UtcNow.Should().BeBefore(deadline, "the dispatcher enqueues a job for every received row");
            await Task.Delay(100);
        }
    }

    /// <summary>The Hangfire jobs of the <c>webhooks</c> queue whose row ids include <paramref name="rowId"/>.</summary>
    private int JobsNaming(long rowId) =>
        _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("webhooks", 0, 10_000)
            .Count(j => j.Value.Job?.Args.Count > 0 && j.Value.Job.Args[0] is long[] ids && ids.Contains(rowId));

    private async Task AssertNotStored(string json) =>
        (await _factory.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Payload == json))).Should().Be(0);
}
