using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Marketplace.Tests.Subscriptions;

namespace Marketplace.Tests.Localization;

/// <summary>
/// Messages Core composes with values (a plan change, a refund refused), shown to a creator in their language: French
/// words, the plan's French name, money formatted in French; the same flows in English say it in English.
/// </summary>
public sealed class CoreMessagesInBothCulturesTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private const char Nbsp = '\u00A0';

    [Theory]
    [InlineData("fr", "Vous êtes désormais sur Or (mensuel).", "You are now on")]
    [InlineData("en", "You are now on Gold (monthly).", "Vous êtes")]
    public async Task ChangePlan_SilverToGold_MessageInTheCreatorsLanguage(string culture, string expected, string otherLanguage)
    {
        var (browser, _) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        await SwitchAsync(browser, culture);
        var goldId = await app.PlanIdAsync(PlanCodes.Gold);

        var confirm = await browser.PageAsync($"/creator/subscription/plan/{goldId}/change?interval=month");
        await browser.PostAsync($"/creator/subscription/plan/{goldId}/change", $"/creator/subscription/plan/{goldId}/change?interval=month",
            new Dictionary<string, string> { ["interval"] = "month" });
        var page = await browser.PageAsync("/creator/subscription");

        page.Should().Contain($"data-testid=\"message\">{expected}").And.NotContain(otherLanguage);
        confirm.Should().Contain(culture == "fr" ? $"Vous passez à Or maintenant à 49,00{Nbsp}€ par mois" : "You move to Gold now at €49.00 per month")
            .And.Contain(culture == "fr" ? "data-testid=\"applies\">immédiatement<" : "data-testid=\"applies\">now<");
    }

    [Theory]
    [InlineData("fr", "5,01", "5,01\u00A0€ dépasse ce qui reste à rembourser (5,00\u00A0€).")]
    [InlineData("en", "5.01", "€5.01 is more than what is left to refund (€5.00).")]
    public async Task CreatorRefund_MoreThanWhatIsLeft_RefusalInTheCreatorsLanguage(string culture, string amount, string expected)
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        await shop.CreatorRefundsAsync(order.Id, "20.00", Guid.NewGuid().ToString("N"));
        await SwitchAsync(shop.Creator, culture);

        var html = await shop.CreatorRefundsAsync(order.Id, amount, Guid.NewGuid().ToString("N")); // as the creator types it in their language

        html.Should().Contain($"data-testid=\"error\">{expected}<");
    }

    [Theory]
    [InlineData("fr", "Le paiement minimal de Stripe en EUR est de 0,50")]
    [InlineData("en", "Stripe's minimum charge in EUR is €0.50: the price must be at least that.")]
    public async Task CreateListing_BelowStripesMinimum_ValidationInTheCreatorsLanguage(string culture, string expected)
    {
        using var shop = await app.ShopAsync();
        await SwitchAsync(shop.Creator, culture);

        var response = await shop.Creator.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = "Sticker", ["Price"] = culture == "fr" ? "0,10" : "0.10", ["Currency"] = "eur",
        }, "/creator/listings");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        html.Should().Contain(expected);
    }

    /// <summary>The footer's language switch, as the creator's browser posts it (also stored on their account).</summary>
    private static async Task SwitchAsync(BrowserSession browser, string culture)
    {
        var switched = await browser.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }, "/culture");
        switched.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
    }
}
