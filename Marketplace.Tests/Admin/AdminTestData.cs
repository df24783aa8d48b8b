using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Plan = Marketplace.Core.Plans.Plan;

namespace Marketplace.Tests.Admin;

/// <summary>Puts creators, subscriptions, ledger rows and inbox rows in the app's database the way the app's own code paths leave them.</summary>
internal static class AdminTestData
{
    /// <summary>Signs the seeded admin in; the session is ready for admin pages.</summary>
    public static async Task<BrowserSession> AdminAsync(this MarketplaceFactory app)
    {
        var session = BrowserSession.For(app);
        (await session.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return session;
    }

    /// <summary>Creates a plan of our own with the given prices (interval, minor units, currency); returns price ids by (interval, currency).</summary>
    public static Task<Dictionary<(PlanInterval, string), int>> PlanAsync(this MarketplaceFactory app, string code,
        params (PlanInterval Interval, long Amount, string Currency)[] prices) =>
        app.WithDbAsync(async db =>
        {
            var plan = new Plan(code, code, $"{code} plan", 900, 0, new PlanCapabilities(10, 800));
            foreach (var (interval, amount, currency) in prices) plan.AddPrice(interval, amount, currency);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Prices.ToDictionary(p => (p.Interval, p.Currency), p => p.Id);
        });

    /// <summary>Applies a Stripe subscription on <paramref name="priceId"/> with <paramref name="status"/> to the creator, as the webhook does.</summary>
    public static Task SubscribeAsync(this MarketplaceFactory app, int creatorId, int priceId, SubscriptionStatus status) =>
        app.WithDbAsync(async db =>
        {
            var subscription = await db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId);
            var price = await db.PlanPrices.Include(p => p.Plan).SingleAsync(p => p.Id == priceId);
            var free = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free);
            var now = DateTime.UtcNow;
            subscription.ApplyStripeSubscription(new StripeSubscriptionSnapshot($"sub_{Guid.NewGuid():N}", $"cus_{Guid.NewGuid():N}", status,
                now, now.AddMonths(1), false, status == SubscriptionStatus.Trialing ? now.AddDays(14) : null), price, free, null, now);
            return await db.SaveChangesAsync();
        });

    /// <summary>Gives the creator a Connect account Stripe reports complete (charges and payouts enabled, nothing due).</summary>
    public static Task ConnectCompleteAsync(this MarketplaceFactory app, int creatorId) =>
        app.WithDbAsync(async db =>
        {
            var account = new CreatorStripeAccount(creatorId, $"acct_{Guid.NewGuid():N}"[..21]);
            account.ApplyStripeAccount(true, true, true, [], null, DateTime.UtcNow);
            db.CreatorStripeAccounts.Add(account);
            return await db.SaveChangesAsync();
        });

    /// <summary>Writes a ledger row for the creator (one invoice).</summary>
    public static Task PayAsync(this MarketplaceFactory app, int creatorId, long amountMinor, string currency, DateTime paidAtUtc,
        PaymentStatus status = PaymentStatus.Paid) =>
        app.WithDbAsync(async db =>
        {
            db.Payments.Add(new Payment($"in_{Guid.NewGuid():N}", creatorId, null, amountMinor, currency, status, paidAtUtc, null));
            return await db.SaveChangesAsync();
        });

    /// <summary>Stores an inbox row as the receiver would, then moves it to <paramref name="status"/>; returns its id.</summary>
    public static Task<long> InboxRowAsync(this MarketplaceFactory app, string type, WebhookEventStatus status, WebhookEndpointKind endpoint = WebhookEndpointKind.Billing,
        DateTime? receivedAt = null, string? payload = null, bool livemode = false) =>
        app.WithDbAsync(async db =>
        {
            var id = $"evt_{Guid.NewGuid():N}";
            var row = new StripeWebhookEvent(id, endpoint, type, endpoint == WebhookEndpointKind.Connect ? "acct_test" : null, null, livemode,
                DateTime.UtcNow, receivedAt ?? DateTime.UtcNow, payload ?? StripeEventSamples.Event(type, "obj_1", "object", id: id));
            switch (status)
            {
                case WebhookEventStatus.Processed:
                    row.StartAttempt();
                    row.MarkProcessed(DateTime.UtcNow);
                    break;
                case WebhookEventStatus.Ignored:
                    row.StartAttempt();
                    row.MarkIgnored(DateTime.UtcNow, $"no handler for {type}");
                    break;
                case WebhookEventStatus.Failed:
                    row.StartAttempt();
                    row.RecordFailure("StripeException: boom", final: true);
                    break;
                case WebhookEventStatus.Processing:
                    row.StartAttempt();
                    break;
            }

            db.StripeWebhookEvents.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
}
