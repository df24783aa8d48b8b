using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Emails;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Emails;

/// <summary>Identity's emails through the app's pages and a real SMTP server: confirmation at sign-up, password reset.</summary>
public sealed partial class IdentityEmailTests
{
    [Fact]
    public async Task SignUp_ConfirmationAndWelcomeEmails_TheLinkConfirmsTheEmail()
    {
        await using var app = new MailMarketplaceFactory();
        using var browser = app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        await browser.RegisterCreatorAsync(email, "Atelier Lune");

        var confirm = await app.Smtp.WaitForAsync(email, m => m.Subject == "Confirm your email address");
        var welcome = await app.Smtp.WaitForAsync(email, m => m.Subject == "Welcome to Marketplace, Atelier Lune");
        var link = BillingEmailTests.Links(confirm.TextBody!).Single(l => l.Contains("/Identity/Account/ConfirmEmail?", StringComparison.Ordinal));
        var confirmed = await browser.Client.GetAsync(link);

        link.Should().StartWith(app.AppUrl.GetLeftPart(UriPartial.Authority));
        welcome.TextBody.Should().Contain("Your shop Atelier Lune is ready.").And.Contain("/creator/connect");
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await confirmed.Content.ReadAsStringAsync()).Should().Contain("Thank you for confirming your email.");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email))).EmailConfirmed.Should().BeTrue();
        (await app.OutboxAsync(EmailKinds.ConfirmEmail)).Should().ContainSingle().Which.ModelJson.Should().Be("{}", "the token link is not kept once sent");
    }

    [Fact]
    public async Task ForgotPassword_FrenchUser_ResetLinkInFrenchSetsANewPasswordThatSignsIn()
    {
        await using var app = new MailMarketplaceFactory();
        var creatorId = await app.RegisterCreatorAsync();
        await app.SetCreatorLocaleAsync(creatorId, "fr");
        var email = await app.CreatorEmailAsync(creatorId);
        using var browser = app.NewBrowser();

        var asked = await browser.SubmitFormAsync("/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        var message = await app.Smtp.WaitForAsync(email, m => m.Subject == "Réinitialisez votre mot de passe");
        var link = BillingEmailTests.Links(message.TextBody!).Single(l => l.Contains("/Identity/Account/ResetPassword?code=", StringComparison.Ordinal));
        var form = WebUtility.HtmlDecode(await browser.Client.GetStringAsync(link));
        var reset = await browser.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Nouveau#2026", ["Input.ConfirmPassword"] = "Nouveau#2026",
            ["Input.Code"] = ResetCode().Match(form).Groups[1].Value,
        });
        using var signIn = app.NewBrowser();
        var signedIn = await signIn.LoginAsync(email, "Nouveau#2026");

        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        asked.Headers.Location!.ToString().Should().Contain("ForgotPasswordConfirmation");
        message.TextBody.Should().StartWith("Bonjour,").And.Contain("Choisir un nouveau mot de passe: http");
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reset.Headers.Location!.ToString().Should().Contain("ResetPasswordConfirmation");
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "signed in with the new password");
        signedIn.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SameAnswerAndNoEmail()
    {
        await using var app = new MailMarketplaceFactory();
        using var browser = app.NewBrowser();

        var asked = await browser.SubmitFormAsync("/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });

        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        asked.Headers.Location!.ToString().Should().Contain("ForgotPasswordConfirmation");
        (await app.OutboxAsync(EmailKinds.ResetPassword)).Should().BeEmpty("the answer is given after the outbox write would have been");
    }

    [GeneratedRegex("name=\"Input.Code\" value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"Input.Code\"")]
    private static partial Regex ResetCode();
}
