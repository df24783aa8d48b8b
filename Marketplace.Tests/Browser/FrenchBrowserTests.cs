using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 18 in a real Chromium whose language is French (<c>fr-FR</c>): the creator registers, sees the French home
/// page and plans with <c>9,00 €</c>, sets up payments, opens Bronze's Checkout (the emulator's hosted page says it was
/// given the locale <c>fr</c> and shows <c>9,00 €</c>), comes back, switches to English (<c>€9.00</c>) and back to French.
/// </summary>
[Trait("Category", "Browser")]
public sealed class FrenchBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task Journey_BrowserInFrench_FrenchPagesAndCheckoutThenEnglishAndBack()
    {
        await using var journey = await BrowserJourney.StartInLocaleAsync(app, chromium, "fr-FR");
        var page = journey.Page;

        await journey.GotoAsync("/Identity/Account/Register");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.Locator("#Input_DisplayName").FillAsync("Atelier Lumière");
        await page.Locator("#Input_Email").FillAsync(journey.Email);
        await page.Locator("#Input_Password").FillAsync("Creator#12345");
        await page.Locator("#Input_ConfirmPassword").FillAsync("Creator#12345");
        await journey.ScreenshotAsync("inscription");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte créateur" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/creator/subscription/upgrade$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choisissez votre offre" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-plan")).ToHaveTextAsync("Gratuit");
        await Expect(Card(page, "BRONZE").GetByTestId("monthly-price")).ToHaveTextAsync($"9,00{Nbsp}€ / mois");
        await journey.ScreenshotAsync("offres");

        await journey.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vendez ce que vous créez." })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("accueil");

        await journey.GotoAsync("/creator/connect");
        await Expect(page.GetByTestId("onboarding-status")).ToHaveTextAsync("Pas commencé");
        await page.GetByTestId("onboard").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("onboarding-status")).ToHaveTextAsync("Terminé");
        await Expect(page.GetByTestId("eligible")).ToHaveTextAsync("Oui");
        await journey.ScreenshotAsync("paiements-configures");

        await journey.GotoAsync("/creator/subscription/upgrade");
        await page.GetByTestId("select-BRONZE-month").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/c/pay/cs_"));
        await Expect(page.GetByTestId("locale")).ToHaveTextAsync("fr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByText($"Total: 9,00{Nbsp}€")).ToBeVisibleAsync();
        await journey.ScreenshotAsync("checkout-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/creator/subscription/upgrade"));

        await page.GetByTestId("culture-en").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your plan" })).ToBeVisibleAsync();
        await Expect(Card(page, "BRONZE").GetByTestId("monthly-price")).ToHaveTextAsync("€9.00 / month");
        await journey.ScreenshotAsync("english");

        await page.GetByTestId("culture-fr").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choisissez votre offre" })).ToBeVisibleAsync();
        await Expect(Card(page, "BRONZE").GetByTestId("monthly-price")).ToHaveTextAsync($"9,00{Nbsp}€ / mois");
        await journey.ScreenshotAsync("retour-en-francais");
        journey.OutsideRequests.Should().BeEmpty();
    }

    private static ILocator Card(IPage page, string planCode) => page.Locator($"[data-plan-code='{planCode}']");
}
