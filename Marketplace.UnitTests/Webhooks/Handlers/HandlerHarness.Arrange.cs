using Marketplace.Core.Accounts;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Listings;
using Marketplace.Core.Orders;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.UnitTests.Webhooks.Handlers;

/// <summary>The rows a handler meets, written as the app writes them (entities' own methods), before the act.</summary>
public sealed partial class HandlerHarness
{
    /// <summary>
    /// A creator on the Free plan with an Identity user holding <paramref name="email"/> (null: a user without email) and
    /// a <c>locale</c> claim when <paramref name="culture"/> is given. Returns the creator profile id.
    /// </summary>
    public async Task<int> AddCreatorAsync(string? email = "creator@example.com", string? culture = null)
    {
        var creatorId = 0;
        await ArrangeAsync(async db =>
        {
            var user = new IdentityUser { UserName = $"u{Guid.NewGuid():N}", Email = email };
            db.Users.Add(user);
            if (culture is not null) db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = UserCultures.LocaleClaimType, ClaimValue = culture });
            var creator = new CreatorProfile(user.Id, "Ada's shop", $"ada-{Guid.NewGuid():N}"[..20], DateTime.UtcNow);
            db.CreatorProfiles.Add(creator);
            db.CreatorSubscriptions.Add(CreatorSubscription.StartFree(creator, await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free), DateTime.UtcNow));
            await db.SaveChangesAsync();
            creatorId = creator.Id;
        });
        return creatorId;
    }

    /// <summary>Links Connect account <paramref name="accountId"/> to the creator, as onboarding does (not yet synced).</summary>
    public Task LinkAccountAsync(int creatorId, string accountId) =>
        ArrangeAsync(db =>
        {
            db.CreatorStripeAccounts.Add(new CreatorStripeAccount(creatorId, accountId));
            return Task.CompletedTask;
        });

    /// <summary>The monthly price of <paramref name="planCode"/>, synced to Stripe Price <paramref name="stripePriceId"/>; returns its id.</summary>
    public async Task<int> SyncPriceAsync(string stripePriceId, string planCode = PlanCodes.Bronze)
    {
        var priceId = 0;
        await ArrangeAsync(async db =>
        {
            var price = await db.PlanPrices.FirstAsync(p => p.Plan!.Code == planCode && p.Interval == PlanInterval.Month);
            price.MarkSynced(stripePriceId, DateTime.UtcNow);
            priceId = price.Id;
        });
        return priceId;
    }

    /// <summary>The creator's row now mirrors Stripe subscription <paramref name="subscription"/> (whose price is synced), as an earlier event left it.</summary>
    public Task SubscribeAsync(int creatorId, Stripe.Subscription subscription) =>
        ArrangeAsync(async db =>
        {
            var row = await db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId);
            var item = subscription.Items.Data[0];
            var price = await db.PlanPrices.Include(p => p.Plan).SingleAsync(p => p.StripePriceId == item.Price.Id);
            var snapshot = new StripeSubscriptionSnapshot(subscription.Id, subscription.CustomerId, StripeSubscriptionSnapshot.ParseStatus(subscription.Status),
                item.CurrentPeriodStart, item.CurrentPeriodEnd, subscription.CancelAtPeriodEnd, subscription.TrialEnd);
            row.ApplyStripeSubscription(snapshot, price, await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free), null, DateTime.UtcNow);
        });

    /// <summary>
    /// A 25.00 EUR order of a new listing of the creator (10 % commission), its Checkout Session <paramref name="sessionId"/>
    /// attached; Paid with charge <paramref name="chargeId"/> and transfer <c>tr_{chargeId}</c> unless <paramref name="chargeId"/> is null
    /// (then Pending). Returns the order id.
    /// </summary>
    public async Task<int> AddOrderAsync(int creatorId, string sessionId, string? chargeId, string buyerEmail = "buyer@example.com")
    {
        var orderId = 0;
        await ArrangeAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var listing = new Listing(creatorId, "Watercolour print", null, 2500, "eur", now);
            db.Listings.Add(listing);
            await db.SaveChangesAsync();
            var order = new Order(listing, 1000, 250, $"buyer-{Guid.NewGuid():N}", null, buyerEmail, now);
            order.AttachCheckoutSession(sessionId, $"https://checkout.stripe.com/c/pay/{sessionId}", now.AddHours(1), now);
            if (chargeId is not null)
                order.MarkPaid(new OrderPayment($"pi_{chargeId}", chargeId, $"tr_{chargeId}", $"fee_{chargeId}", 59, null, buyerEmail), now);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
        });
        return orderId;
    }

    /// <summary>The order as stored.</summary>
    public Task<Order> OrderAsync(int orderId) => QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));

    /// <summary>The creator's subscription row as stored, with its plan.</summary>
    public Task<CreatorSubscription> SubscriptionOfAsync(int creatorId) =>
        QueryAsync(db => db.CreatorSubscriptions.AsNoTracking().Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId));

    /// <summary>The creator's Connect account row as stored, or null.</summary>
    public Task<CreatorStripeAccount?> AccountOfAsync(int creatorId) =>
        QueryAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CreatorProfileId == creatorId));
}
