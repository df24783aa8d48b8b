using System.Net;
using System.Text.Json;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Webhooks.Billing;

/// <summary>
/// Stripe does not promise order or once-only delivery. The real events of a subscription's life, taken from the
/// emulator, are delivered by the test in every order, each twice: the final state must be Stripe's.
/// </summary>
public abstract class WebhookOrderingTests<TFactory> : IClassFixture<TFactory> where TFactory : SelfDeliveredWebhooksFactory
{
    private const string Billing = "/api/webhooks/stripe/billing";
    private static readonly string[] Lifecycle =
        [StripeEventTypes.CustomerSubscriptionCreated, StripeEventTypes.CustomerSubscriptionUpdated, StripeEventTypes.InvoicePaid, StripeEventTypes.CustomerSubscriptionDeleted];

    private readonly TFactory _app;

    protected WebhookOrderingTests(TFactory app) => _app = app;

    [Fact]
    public async Task Deliver_CreatedUpdatedPaidDeletedInEveryOrderTwice_EndsCanceledOnFreeWithOnePaidRow()
    {
        var orders = Permutations(Lifecycle).ToList();
        orders.Should().HaveCount(24);
        foreach (var order in orders)
        {
            var (creatorId, events) = await SubscriptionLifeAsync(cancelAtEnd: true);

            await DeliverTwiceAsync(order.Select(type => events[type]));

            var state = await WaitProcessedAsync(creatorId, events.Values);
            state.Plan!.Code.Should().Be(PlanCodes.Free, string.Join(" > ", order));
            state.Status.Should().Be(SubscriptionStatus.Active);
            state.StripeSubscriptionId.Should().BeNull();
            state.StripeCustomerId.Should().StartWith("cus_");
            var ledger = await _app.WithDbAsync(db => db.Payments.Where(p => p.CreatorProfileId == creatorId).ToListAsync());
            ledger.Should().ContainSingle().Which.Status.Should().Be(PaymentStatus.Paid);
        }
    }

    [Fact]
    public async Task Deliver_CreatedUpdatedPaidInEveryOrderTwice_EndsOnStripesLiveSubscription()
    {
        foreach (var order in Permutations(Lifecycle[..3]))
        {
            var (creatorId, events) = await SubscriptionLifeAsync(cancelAtEnd: false);
            var stripeSubscription = (await _app.Stripe.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Limit = 1 })).Data[0];

            await DeliverTwiceAsync(order.Select(type => events[type]));

            var state = await WaitProcessedAsync(creatorId, events.Values);
            state.StripeSubscriptionId.Should().Be(stripeSubscription.Id);
            state.Plan!.Code.Should().Be(PlanCodes.Silver);
            state.Status.Should().Be(SubscriptionStatus.Active);
            state.CancelAtPeriodEnd.Should().Be(stripeSubscription.CancelAtPeriodEnd);
            state.CurrentPeriodEnd.Should().Be(stripeSubscription.Items.Data[0].CurrentPeriodEnd);
        }
    }

    /// <summary>
    /// A creator subscribes on Checkout, then changes the subscription (and cancels it when asked); returns the raw
    /// JSON of the lifecycle events Stripe emitted, by type (the last of each type).
    /// </summary>
    private async Task<(int CreatorId, Dictionary<string, string> Events)> SubscriptionLifeAsync(bool cancelAtEnd)
    {
        var creatorId = await _app.RegisterCreatorAsync();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _app.SubscribeThroughCheckoutAsync(creatorId);
        var subscription = (await _app.Stripe.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Limit = 1 })).Data[0];
        await _app.Stripe.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true });
        if (cancelAtEnd) await _app.Stripe.V1.Subscriptions.CancelAsync(subscription.Id);
        var types = cancelAtEnd ? Lifecycle : Lifecycle[..3];
        var events = await _app.Stripe.V1.Events.ListAsync(new EventListOptions { Types = [.. types], Limit = 100 });
        var mine = events.Data.Where(e => e.Created >= since.UtcDateTime.AddSeconds(-1) && RawObjectMentions(e, subscription.Id))
            .GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Created).Last().RawJsonElement!.Value.GetRawText());
        mine.Keys.Should().BeEquivalentTo(types);
        return (creatorId, mine);
    }

    private static bool RawObjectMentions(Event stripeEvent, string subscriptionId) => stripeEvent.RawJsonElement!.Value.GetRawText().Contains(subscriptionId, StringComparison.Ordinal);

    private async Task DeliverTwiceAsync(IEnumerable<string> events)
    {
        using var client = _app.CreateClient();
        foreach (var json in events.SelectMany(json => new[] { json, json }))
        {
            var response = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    private async Task<CreatorSubscription> WaitProcessedAsync(int creatorId, IEnumerable<string> events)
    {
        var ids = events.Select(json => JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!).ToList();
        var rows = await _app.EventuallyAsync(db => db.StripeWebhookEvents.Where(e => ids.Contains(e.StripeEventId)).ToListAsync(),
            rows => rows.Count == ids.Count && rows.All(r => r.Status is WebhookEventStatus.Processed or WebhookEventStatus.Failed),
            because: "every event processed once");
        rows.Should().OnlyContain(r => r.Status == WebhookEventStatus.Processed, string.Join("; ", rows.Select(r => r.LastError)));
        return await _app.WithDbAsync(db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId));
    }

    private static IEnumerable<string[]> Permutations(string[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => new[] { item }.Concat(rest).ToArray()));
}

/// <summary>The ordering tests on SQLite.</summary>
public sealed class WebhookOrderingTests(SelfDeliveredWebhooksFactory app) : WebhookOrderingTests<SelfDeliveredWebhooksFactory>(app);
