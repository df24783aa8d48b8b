using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Emails;
using Marketplace.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// Issue 18's "Done when" as one journey in a real Chromium whose language is French (<c>fr-FR</c>), with the emails on
/// a real SMTP server (<see cref="MailMarketplaceFactory"/>): the creator registers, sees the French plans and home page,
/// sets up payments, opens Bronze's Checkout (the emulator's page was given the locale <c>fr</c> and shows <c>9,00 €</c>)
/// and pays with a card whose renewals fail, switches to English (<c>€9.00</c>) and back; signs out, asks for a password
/// reset, follows the link of the email the SMTP server received, sets a new password and signs in with it; the
/// emulator's clock passes the renewal, which fails: the French "payment failed" email's portal link opens the
/// emulator's Billing Portal (locale <c>fr</c>) in the signed-in browser.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class FrenchJourneyBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Nbsp = "\u00A0";
    private const string RenewalFailsCard = "4000 0000 0000 0341";
    private const string NewPassword = "Nouveau#2026abc";

    [Fact]
    public async Task Journey_BrowserInFrench_PagesCheckoutCultureSwitchPasswordResetAndPaymentFailedEmail()
    {
        await using var app = new MailMarketplaceFactory();
        await using var journey = await BrowserJourney.StartInLocaleAsync(app, chromium, "fr-FR");
        var page = journey.Page;

        await RegisterInFrenchAsync(journey);
        await journey.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vendez ce que vous créez." })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("accueil");
        await SetUpPaymentsInFrenchAsync(journey);

        await journey.GotoAsync("/creator/subscription/upgrade");
        await page.GetByTestId("select-BRONZE-month").ClickAsync();
        await journey.ExpectOnCheckoutAsync();
        await Expect(page.GetByTestId("locale")).ToHaveTextAsync("fr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByText($"Total: 9,00{Nbsp}€")).ToBeVisibleAsync();
        await journey.PayOnCheckoutAsync(RenewalFailsCard, "checkout-fr");
        await journey.ExpectSubscriptionAsync("Bronze", "Actif");
        await journey.ScreenshotAsync("abonnement-bronze");

        await journey.GotoAsync("/creator/subscription/upgrade");
        await SwitchCultureAsync(journey, "en", "Choose your plan", "€9.00 / month");
        await SwitchCultureAsync(journey, "fr", "Choisissez votre offre", $"9,00{Nbsp}€ / mois");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await ResetPasswordFromTheEmailAsync(app, journey);
        await journey.SignInAsync(journey.Email, NewPassword);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("connecte-avec-le-nouveau-mot-de-passe");

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        var failed = await app.Smtp.WaitForAsync(journey.Email, m => m.Subject == $"Votre paiement de 9,00{Nbsp}€ a échoué");
        failed.TextBody.Should().StartWith("Bonjour,").And.Contain($"Nous n'avons pas pu prélever 9,00{Nbsp}€ pour votre offre Marketplace.");
        await page.GotoAsync(Href(failed, "/creator/subscription/portal"));
        await Expect(page).ToHaveURLAsync(new Regex("/p/session/bps_"));
        page.Url.Should().StartWith(app.Emulator.BaseUrl.ToString().TrimEnd('/'), "the portal is Stripe's (the emulator's) page");
        await Expect(page.GetByTestId("locale")).ToHaveTextAsync("fr");
        await Expect(page.GetByText("past_due")).ToBeVisibleAsync();
        await journey.ScreenshotAsync("portail-de-facturation");
        journey.OutsideRequests.Should().BeEmpty();
    }

    /// <summary>Registers on the French Register page; the app then shows the French plans with Bronze at <c>9,00 € / mois</c>.</summary>
    private static async Task RegisterInFrenchAsync(BrowserJourney journey)
    {
        var page = journey.Page;
        await journey.GotoAsync("/Identity/Account/Register");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.Locator("#Input_DisplayName").FillAsync("Atelier Lumière");
        await page.Locator("#Input_Email").FillAsync(journey.Email);
        await page.Locator("#Input_Password").FillAsync("Creator#12345");
        await page.Locator("#Input_ConfirmPassword").FillAsync("Creator#12345");
        await journey.ScreenshotAsync("inscription");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte créateur" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Consultez vos e-mails" })).ToBeVisibleAsync();
        await journey.ConfirmAndSignInAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choisissez votre offre" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-plan")).ToHaveTextAsync("Gratuit");
        await Expect(Card(page, "BRONZE").GetByTestId("monthly-price")).ToHaveTextAsync($"9,00{Nbsp}€ / mois");
        await journey.ScreenshotAsync("offres");
    }

    /// <summary>Connect onboarding from the French status page through the emulator's hosted page.</summary>
    private static async Task SetUpPaymentsInFrenchAsync(BrowserJourney journey)
    {
        var page = journey.Page;
        await journey.GotoAsync("/creator/connect");
        await Expect(page.GetByTestId("onboarding-status")).ToHaveTextAsync("Pas commencé");
        await page.GetByTestId("onboard").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("onboarding-status")).ToHaveTextAsync("Terminé");
        await Expect(page.GetByTestId("eligible")).ToHaveTextAsync("Oui");
        await journey.ScreenshotAsync("paiements-configures");
    }

    /// <summary>Clicks the footer's culture switch to <paramref name="culture"/> on the plans page and checks its heading and Bronze's price.</summary>
    private static async Task SwitchCultureAsync(BrowserJourney journey, string culture, string heading, string bronzePrice)
    {
        var page = journey.Page;
        await page.GetByTestId($"culture-{culture}").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        await Expect(Card(page, "BRONZE").GetByTestId("monthly-price")).ToHaveTextAsync(bronzePrice);
        await journey.ScreenshotAsync("langue-" + culture);
    }

    /// <summary>
    /// "Mot de passe oublié ?" on the login page sends the reset email; the link found (by its <c>href</c>) in the message
    /// the test's SMTP server received opens the reset page, where the new password is set.
    /// </summary>
    private static async Task ResetPasswordFromTheEmailAsync(MailMarketplaceFactory app, BrowserJourney journey)
    {
        var page = journey.Page;
        await journey.GotoAsync("/Identity/Account/Login");
        await page.Locator("#forgot-password").ClickAsync();
        await page.Locator("#Input_Email").FillAsync(journey.Email);
        await journey.ScreenshotAsync("mot-de-passe-oublie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Réinitialiser mon mot de passe" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/ForgotPasswordConfirmation"));

        var message = await app.Smtp.WaitForAsync(journey.Email, m => m.Subject == "Réinitialisez votre mot de passe");
        message.TextBody.Should().StartWith("Bonjour,");
        await page.GotoAsync(Href(message, "/Identity/Account/ResetPassword?"));
        await page.Locator("#Input_Email").FillAsync(journey.Email);
        await page.Locator("#Input_Password").FillAsync(NewPassword);
        await page.Locator("#Input_ConfirmPassword").FillAsync(NewPassword);
        await journey.ScreenshotAsync("nouveau-mot-de-passe");
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/ResetPasswordConfirmation"));
    }

    /// <summary>The one link of the HTML part whose <c>href</c> contains <paramref name="part"/>, absolute to the app.</summary>
    private static string Href(MimeMessage message, string part)
    {
        var link = Hrefs().Matches(message.HtmlBody!).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => h.Contains(part, StringComparison.OrdinalIgnoreCase)).Distinct().Should().ContainSingle().Subject;
        Uri.IsWellFormedUriString(link, UriKind.Absolute).Should().BeTrue($"{link} is absolute");
        return link;
    }

    private static ILocator Card(IPage page, string planCode) => page.Locator($"[data-plan-code='{planCode}']");

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Hrefs();
}
