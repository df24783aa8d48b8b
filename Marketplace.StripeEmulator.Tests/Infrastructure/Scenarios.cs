using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeEmulator.Tests.Infrastructure;

/// <summary>Common set-ups done the way the app does them: API calls plus the hosted Checkout page.</summary>
public static class Scenarios
{
    public static async Task<Price> MonthlyPriceAsync(StripeClient client, long amount = 900, string name = "Gold")
    {
        var product = await client.V1.Products.CreateAsync(new ProductCreateOptions { Name = name });
        return await client.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = product.Id, Currency = "usd", UnitAmount = amount, Recurring = new() { Interval = "month" },
        });
    }

    /// <summary>Subscribes a new customer to <paramref name="price"/> through Checkout; returns the subscription.</summary>
    public static async Task<Subscription> SubscribeAsync(EmulatorFixture emulator, StripeClient client, Price price,
        string card = "4242424242424242")
    {
        using var browser = emulator.Http();
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new SessionLineItemOptions { Price = price.Id, Quantity = 1 }],
            CustomerEmail = $"{Guid.NewGuid():N}@example.com",
            SuccessUrl = "https://app.example/ok",
        });
        var response = await browser.PayCheckoutAsync(session.Url, card);
        if ((int)response.StatusCode != 303) throw new InvalidOperationException($"Checkout answered {response.StatusCode}");
        var done = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["subscription"] });
        return done.Subscription;
    }
}
