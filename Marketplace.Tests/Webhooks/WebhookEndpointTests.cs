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
        // The dispatcher enqueues off the request path: wait for the row's job, then count the jobs naming the row.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        StripeWebhookEvent row;
        do
        {
            await Task.Delay(100);
            row = await _factory.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Payload == json));
        }
        while (DateTime.UtcNow < deadline && (row.JobId is null || Core.Webhooks.Dispatch.WebhookJobClaims.IsClaim(row.JobId)));

        await Task.Delay(500); // a second job, were there one, would be enqueued by now
        var monitoring = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        monitoring.EnqueuedJobs("webhooks", 0, 10_000)
            .Count(j => j.Value.Job?.Args.Count > 0 && j.Value.Job.Args[0] is long[] ids && ids.Contains(row.Id))
            .Should().Be(1, "one batch job names the row");
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
        await Task.Delay(500); // the dispatcher's gathering window is 100 ms: a job, were there one, would be recorded by now
        (await _factory.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Payload == json))).JobId.Should().BeNull();
        _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("webhooks", 0, 10_000)
            .Count(j => j.Value.Job?.Args.Count > 0 && j.Value.Job.Args[0] is long[] ids && ids.Contains(row.Id)).Should().Be(0);
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

    private async Task AssertNotStored(string json) =>
        (await _factory.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Payload == json))).Should().Be(0);
}
