using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Checkout;

namespace Marketplace.Tests.Infrastructure;

/// <summary>Creators set up the way the app sets them up, then driven through the emulator's hosted pages over HTTP.</summary>
public static class CreatorScenarios
{
    /// <summary>Registers a creator (profile, role, Free plan), email confirmed as after its link, and returns the profile id.</summary>
    public static async Task<int> RegisterCreatorAsync(this MarketplaceFactory factory, string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var registration = scope.ServiceProvider.GetRequiredService<CreatorRegistration>();
        var result = await registration.RegisterAsync($"{Guid.NewGuid():N}@example.com", "Creator#12345", name ?? "Creator");
        result.Succeeded.Should().BeTrue();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        (await users.ConfirmEmailAsync(result.User!, await users.GenerateEmailConfirmationTokenAsync(result.User!))).Succeeded.Should().BeTrue();
        return result.Profile!.Id;
    }

    /// <summary>Creates the creator's Express account through the gateway and links it, as onboarding does; returns <c>acct_…</c>.</summary>
    public static async Task<string> CreateConnectAccountAsync(this LiveMarketplaceFactory factory, int creatorId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IStripeGateway>()
            .CreateExpressAccountAsync(creatorId, $"creator{creatorId}@example.com", "FR");
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        db.CreatorStripeAccounts.Add(new CreatorStripeAccount(creatorId, account.Id));
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>
    /// Opens a subscription-mode Checkout Session for the creator on <paramref name="planCode"/> monthly (metadata
    /// <c>creator_id</c> on the session and the subscription) and pays it on the hosted page with <paramref name="card"/>.
    /// Returns the session id.
    /// </summary>
    public static async Task<string> SubscribeThroughCheckoutAsync(this LiveMarketplaceFactory factory, int creatorId,
        string planCode = PlanCodes.Silver, string card = "4242424242424242")
    {
        var priceId = await factory.SyncPriceAsync(planCode, PlanInterval.Month);
        var metadata = new Dictionary<string, string> { ["creator_id"] = creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var session = await factory.Stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            CustomerEmail = $"creator{creatorId}@example.com",
            ClientReferenceId = creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = metadata },
            SuccessUrl = new Uri(factory.AppUrl, "/creator/subscription?session_id={CHECKOUT_SESSION_ID}").ToString(),
            CancelUrl = new Uri(factory.AppUrl, "/creator/subscription/upgrade").ToString(),
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent([new("card_number", card), new("action", "pay")]);
        var paid = await browser.PostAsync(session.Url, form);
        ((int)paid.StatusCode).Should().Be(303, await paid.Content.ReadAsStringAsync());
        return session.Id;
    }
}
