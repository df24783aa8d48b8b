using System.Net;
using System.Text.Json;
using Marketplace.Core.Orders;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Orders;

/// <summary>The live app whose webhooks the test delivers itself, with the anonymous Buy limit raised.</summary>
public class SelfDeliveredOrdersFactory() : LiveMarketplaceFactory(false, new Dictionary<string, string?> { ["Orders:AnonymousBuyPermitPerMinute"] = "10000" });

/// <summary><see cref="SelfDeliveredOrdersFactory"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresSelfDeliveredOrdersFactory : SelfDeliveredOrdersFactory
{
    /// <inheritdoc />
    public override Marketplace.Core.Data.DatabaseProvider Provider => Marketplace.Core.Data.DatabaseProvider.Postgres;
}

/// <summary>
/// Stripe promises neither order nor once-only delivery, and the buyer's success page races the webhook. The real
/// events of an order's session, taken from the emulator, and the success page are delivered in every order, each
/// twice: the order always ends in Stripe's state, with the same details.
/// </summary>
public abstract class OrderOrderingTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : LiveMarketplaceFactory
{
    private const string Billing = "/api/webhooks/stripe/billing";
    private const string SuccessPage = "success page";

    [Fact]
    public async Task Deliver_CompletedPaymentIntentSucceededAndSuccessPageInEveryOrderTwice_PaidOnceWithTheSameDetails()
    {
        using var shop = await app.ShopAsync();
        var steps = new[] { StripeEventTypes.CheckoutSessionCompleted, "payment_intent.succeeded", SuccessPage };
        var outcomes = new List<(OrderStatus Status, bool HasCharge, bool HasTransfer, bool HasFee, long? PlatformNet)>();
        foreach (var order in Permutations(steps))
        {
            using var visitor = app.Visitor();
            var back = await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!);
            var sessionId = System.Web.HttpUtility.ParseQueryString(back.Query)["session_id"]!;
            var events = await EventsOfAsync(sessionId, [StripeEventTypes.CheckoutSessionCompleted, "payment_intent.succeeded"]);

            DateTime? firstPaidAt = null;
            foreach (var step in order.SelectMany(s => new[] { s, s }))
            {
                if (step == SuccessPage) (await visitor.Client.GetAsync(back)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
                else await DeliverAsync(events[step]);
                firstPaidAt ??= (await OrderOfAsync(sessionId)).PaidAt;
            }

            await WaitSettledAsync(events.Values);
            var final = await OrderOfAsync(sessionId);
            final.Status.Should().Be(OrderStatus.Paid, string.Join(" > ", order));
            final.PaidAt.Should().Be(firstPaidAt, "Paid once: a later delivery never moves the date");
            outcomes.Add((final.Status, final.StripeChargeId is not null, final.StripeTransferId is not null, final.StripeApplicationFeeId is not null, final.PlatformNetMinor));
        }

        outcomes.Distinct().Should().ContainSingle("every delivery order ends in the same state");
        outcomes[0].Should().Be((OrderStatus.Paid, true, true, true, outcomes[0].PlatformNet));
        outcomes[0].PlatformNet.Should().NotBeNull();
    }

    [Fact]
    public async Task Deliver_ExpiredAndSuccessPageInEveryOrderTwice_Expired()
    {
        using var shop = await app.ShopAsync();
        foreach (var order in Permutations([StripeEventTypes.CheckoutSessionExpired, SuccessPage]))
        {
            using var visitor = app.Visitor();
            var toStripe = await visitor.BuyAsync(shop);
            var pending = await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CheckoutUrl == toStripe.Headers.Location!.ToString()));
            await app.Stripe.V1.Checkout.Sessions.ExpireAsync(pending.StripeCheckoutSessionId);
            var events = await EventsOfAsync(pending.StripeCheckoutSessionId!, [StripeEventTypes.CheckoutSessionExpired]);

            foreach (var step in order.SelectMany(s => new[] { s, s }))
            {
                if (step == SuccessPage)
                    (await visitor.Client.GetAsync($"/orders/{pending.PublicToken}/checkout/success?session_id={pending.StripeCheckoutSessionId}")).StatusCode.Should().Be(HttpStatusCode.SeeOther);
                else await DeliverAsync(events[step]);
            }

            await WaitSettledAsync(events.Values);
            (await OrderOfAsync(pending.StripeCheckoutSessionId!)).Status.Should().Be(OrderStatus.Expired, string.Join(" > ", order));
        }
    }

    /// <summary>The raw JSON of the latest event of each type that mentions the session or its PaymentIntent.</summary>
    private async Task<Dictionary<string, string>> EventsOfAsync(string sessionId, string[] types)
    {
        var session = await app.Stripe.V1.Checkout.Sessions.GetAsync(sessionId);
        var ids = new[] { sessionId, session.PaymentIntentId }.Where(id => id is not null).ToList();
        var events = await app.Stripe.V1.Events.ListAsync(new EventListOptions { Types = [.. types], Limit = 100 });
        var mine = events.Data.Where(e => ids.Any(id => e.RawJsonElement!.Value.GetProperty("data").GetProperty("object").GetProperty("id").GetString() == id))
            .GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Created).Last().RawJsonElement!.Value.GetRawText());
        mine.Keys.Should().BeEquivalentTo(types);
        return mine;
    }

    private async Task DeliverAsync(string json)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task WaitSettledAsync(IEnumerable<string> events)
    {
        var ids = events.Select(json => JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!).ToList();
        var rows = await app.EventuallyAsync(db => db.StripeWebhookEvents.Where(e => ids.Contains(e.StripeEventId)).ToListAsync(),
            rows => rows.Count == ids.Count && rows.All(r => r.Status is WebhookEventStatus.Processed or WebhookEventStatus.Ignored or WebhookEventStatus.Failed),
            because: "every event settled once");
        rows.Where(r => r.Type.StartsWith("checkout.", StringComparison.Ordinal)).Should().OnlyContain(r => r.Status == WebhookEventStatus.Processed,
            string.Join("; ", rows.Select(r => r.LastError)));
    }

    private Task<Order> OrderOfAsync(string sessionId) =>
        app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.StripeCheckoutSessionId == sessionId));

    private static IEnumerable<string[]> Permutations(string[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => new[] { item }.Concat(rest).ToArray()));
}

/// <summary>The order ordering tests on SQLite.</summary>
public sealed class OrderOrderingTests(SelfDeliveredOrdersFactory app) : OrderOrderingTests<SelfDeliveredOrdersFactory>(app);
