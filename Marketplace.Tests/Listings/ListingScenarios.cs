using System.Net.Http.Json;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Listings;

/// <summary>Creators signed in through the UI, their listings created through the form or the JSON API.</summary>
public static class ListingScenarios
{
    /// <summary>A creator registered and signed in through the Identity UI (Free plan); returns the session and profile id.</summary>
    public static async Task<(BrowserSession Browser, int CreatorId, string Slug)> SignedInCreatorAsync(this MarketplaceFactory app, string name = "Maker")
    {
        var browser = BrowserSession.For(app);
        var email = $"c{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, name);
        var creator = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email))
            .Select(c => new { c.Id, c.Slug }).SingleAsync());
        return (browser, creator.Id, creator.Slug);
    }

    /// <summary>Submits the new listing form.</summary>
    public static Task<HttpResponseMessage> CreateListingAsync(this BrowserSession browser, string title, string price = "12.50", string currency = "eur") =>
        browser.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Description"] = "Handmade.", ["Price"] = price, ["Currency"] = currency,
        }, "/creator/listings");

    /// <summary><c>POST /api/listings</c> with a JSON body.</summary>
    public static Task<HttpResponseMessage> CreateListingJsonAsync(this BrowserSession browser, string title, string price = "12.50") =>
        browser.Client.PostAsJsonAsync("/api/listings", new { title, description = "Handmade.", price, currency = "eur" });

    /// <summary>Puts the creator on <paramref name="planCode"/> as a Stripe subscription would (no Stripe call).</summary>
    public static async Task MovePlanAsync(this MarketplaceFactory app, int creatorId, string planCode)
    {
        await app.WithDbAsync(async db =>
        {
            var subscription = await db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId);
            var free = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free);
            if (planCode == PlanCodes.Free) subscription.ActivateFreePlan(free, DateTime.UtcNow);
            else
            {
                var price = await db.PlanPrices.Include(p => p.Plan).SingleAsync(p => p.Plan!.Code == planCode && p.Interval == PlanInterval.Month);
                subscription.ApplyStripeSubscription(new StripeSubscriptionSnapshot($"sub_test_{creatorId}", $"cus_test_{creatorId}", SubscriptionStatus.Active,
                    DateTime.UtcNow, DateTime.UtcNow.AddMonths(1), false, null), price, free, null, DateTime.UtcNow);
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>How many listings the creator has in the database (active or all).</summary>
    public static Task<int> ListingCountAsync(this MarketplaceFactory app, int creatorId, bool activeOnly = false) =>
        app.WithDbAsync(db => db.Listings.CountAsync(l => l.CreatorProfileId == creatorId && (!activeOnly || l.IsActive)));
}
