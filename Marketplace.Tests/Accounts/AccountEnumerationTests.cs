using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Emails;
using Marketplace.Tests.Buyers;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// The sign-up pages do not tell who has an account: an email that has one and a new one get the same answer (status,
/// redirect, cookies, page), nobody is signed in until the address is confirmed, and the owner of the address is told
/// by email, at most once an hour. (The login's timing, the same for unknown emails, is measured, not asserted: the
/// machine is shared. See docs/security.md.)
/// </summary>
public sealed partial class AccountEnumerationTests(BuyersFactory app) : IClassFixture<BuyersFactory>
{
    private const string OwnerPassword = "Owner#12345";

    [Fact]
    public async Task Register_EmailThatHasAnAccountAndANewOne_IdenticalAnswersApartFromAntiforgeryTokens()
    {
        var owned = await OwnerAsync();
        using var newcomer = app.NewBrowser();
        using var prober = app.NewBrowser();

        var fresh = await AnswerAsync(newcomer, await newcomer.SubmitCreatorSignUpAsync(BuyerScenarios.NewEmail("n"), "Prober"));
        var probe = await AnswerAsync(prober, await prober.SubmitCreatorSignUpAsync(owned, "Prober"));

        probe.Should().Be(fresh);
        fresh.Should().Contain("302 /Identity/Account/RegisterConfirmation?returnUrl=%2Fcreator%2Fsubscription%2Fupgrade cookies[]")
            .And.Contain("We have sent a message to the address you gave.").And.NotContain("already taken");
    }

    [Fact]
    public async Task RegisterBuyer_EmailThatHasAnAccountAndANewOne_IdenticalAnswersApartFromAntiforgeryTokens()
    {
        var owned = await OwnerAsync();
        using var newcomer = app.NewBrowser();
        using var prober = app.NewBrowser();

        var fresh = await AnswerAsync(newcomer, await newcomer.SubmitBuyerSignUpAsync(BuyerScenarios.NewEmail("n")));
        var probe = await AnswerAsync(prober, await prober.SubmitBuyerSignUpAsync(owned));

        probe.Should().Be(fresh);
        fresh.Should().Contain("302 /Identity/Account/RegisterConfirmation?returnUrl=%2Fpurchases cookies[]");
    }

    [Fact]
    public async Task Register_NewEmail_NotSignedInAndSignInWaitsForTheConfirmationLink()
    {
        var email = BuyerScenarios.NewEmail("c");
        using var browser = app.NewBrowser();
        await browser.SubmitCreatorSignUpAsync(email, "Pas encore", OwnerPassword);

        var before = await browser.Client.GetAsync("/creator/subscription");
        var wrongPassword = await (await browser.LoginAsync(email, "Wrong#12345")).Content.ReadAsStringAsync();
        var rightPassword = await (await browser.LoginAsync(email, OwnerPassword)).Content.ReadAsStringAsync();
        var confirmed = await browser.Client.GetStringAsync(await browser.ConfirmationLinkAsync(email));
        var signedIn = await browser.SubmitFormAsync("/Identity/Account/Login?returnUrl=%2Fcreator%2Fsubscription%2Fupgrade",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = OwnerPassword });

        before.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-up signed nobody in");
        before.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
        wrongPassword.Should().Contain("Invalid login attempt.").And.NotContain("Confirm your email address first");
        rightPassword.Should().Contain("Confirm your email address first").And.Contain("id=\"resend-confirmation\"");
        confirmed.Should().Contain("Thank you for confirming your email.").And.Contain("returnUrl=%2Fcreator%2Fsubscription%2Fupgrade");
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().Should().Be("/creator/subscription/upgrade");
        (await browser.Client.GetAsync("/creator/subscription/upgrade")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_EmailThatHasAnAccount_OwnerKeepsThePasswordAndIsWarnedOnceAnHour()
    {
        var owned = await OwnerAsync();
        using var prober = app.NewBrowser();

        await prober.SubmitCreatorSignUpAsync(owned, "Prober", "Prober#12345");
        await prober.SubmitBuyerSignUpAsync(owned, "Prober#12345");
        var warning = await app.Smtp.WaitForAsync(owned, m => m.Subject == "Someone tried to sign up with your address");
        var warnedWithinTheHour = await WarningsAsync(owned);
        app.Clock.Offset += TimeSpan.FromMinutes(61);
        await prober.SubmitCreatorSignUpAsync(owned, "Prober", "Prober#12345");
        var warnedAfterAnHour = await WarningsAsync(owned);

        warning.TextBody.Should().Contain("someone tried to create a Marketplace account with this email address")
            .And.Contain("/Identity/Account/ForgotPassword");
        warnedWithinTheHour.Should().Be(1, "two attempts within the hour, one email");
        warnedAfterAnHour.Should().Be(2);
        (await prober.Client.GetAsync("/creator/subscription")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the prober is not signed in");
        using var again = app.NewBrowser();
        (await again.LoginAsync(owned, "Prober#12345")).StatusCode.Should().Be(HttpStatusCode.OK, "the prober's password does not open the account");
        (await again.LoginAsync(owned, OwnerPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the owner's password still does");
    }

    private async Task<string> OwnerAsync()
    {
        var owned = BuyerScenarios.NewEmail("o");
        using var owner = app.NewBrowser();
        (await owner.RegisterCreatorAsync(owned, "Owner", OwnerPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return owned;
    }

    private Task<int> WarningsAsync(string email) =>
        app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Kind == EmailKinds.RegistrationAttempt && e.To == email));

    /// <summary>What a visitor meets: the answer's status, redirect and cookie names, then the page it leads to, antiforgery tokens blanked.</summary>
    private static async Task<string> AnswerAsync(BrowserSession browser, HttpResponseMessage answer)
    {
        var location = answer.Headers.Location?.OriginalString ?? "";
        var page = await browser.Client.GetAsync(location);
        return $"{(int)answer.StatusCode} {location} cookies[{CookieNames(answer)}] body[{await answer.Content.ReadAsStringAsync()}] → "
            + $"{(int)page.StatusCode} cookies[{CookieNames(page)}] {AntiforgeryValue().Replace(await page.Content.ReadAsStringAsync(), "value=\"…\"")}";
    }

    private static string CookieNames(HttpResponseMessage response) =>
        string.Join(",", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).Order() : []);

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}
