using System.Text.RegularExpressions;
using Marketplace.Tests.Emails;
using Marketplace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 18's password reset in a real Chromium, with the email on a real SMTP server (<see cref="MailMarketplaceFactory"/>):
/// a creator registers; on another browser "Forgot your password?" on the login page sends the reset email; the link
/// from the message the SMTP server received opens the reset page, the new password is set and signs in.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PasswordResetBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task ForgotPassword_LinkFromTheEmail_SetsANewPasswordThatSignsIn()
    {
        await using var app = new MailMarketplaceFactory();
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Atelier Reset");
        await using var elsewhere = await BrowserJourney.StartAsync(app, chromium, "ForgotPassword_OtherBrowser");
        var page = elsewhere.Page;

        await elsewhere.GotoAsync("/Identity/Account/Login");
        await page.Locator("#forgot-password").ClickAsync();
        await page.Locator("#Input_Email").FillAsync(creator.Email);
        await elsewhere.ScreenshotAsync("forgot-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset my password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/ForgotPasswordConfirmation"));

        var message = await app.Smtp.WaitForAsync(creator.Email, m => m.Subject == "Reset your password");
        var link = BillingEmailTests.Links(message.TextBody!).Single(l => l.Contains("/Identity/Account/ResetPassword?code=", StringComparison.Ordinal));
        link.Should().StartWith(app.AppUrl.GetLeftPart(UriPartial.Authority), "the email's links are absolute, to this app");
        await page.GotoAsync(link);
        await page.Locator("#Input_Email").FillAsync(creator.Email);
        await page.Locator("#Input_Password").FillAsync("Reset#2026abc");
        await page.Locator("#Input_ConfirmPassword").FillAsync("Reset#2026abc");
        await elsewhere.ScreenshotAsync("reset-password");
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/ResetPasswordConfirmation"));

        await elsewhere.SignInAsync(creator.Email, "Reset#2026abc");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await elsewhere.ScreenshotAsync("signed-in-with-the-new-password");
        elsewhere.OutsideRequests.Should().BeEmpty();
    }
}
