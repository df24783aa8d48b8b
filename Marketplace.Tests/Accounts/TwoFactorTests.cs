using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Issue 25, "Two-factor for money accounts": Identity's authenticator-app two-factor, set up from the account page
/// (key and otpauth URI as text), the second sign-in step with an app code or a recovery code (each once), new recovery
/// codes, turning it off; admins are sent to set it up before any admin page. The test computes the app's code (<see cref="Totp"/>).
/// </summary>
public sealed partial class TwoFactorTests
{
    private const string Password = "Creator#12345";
    private const string Setup = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task LoginWith2fa_CreatorSetUpTheApp_PasswordAloneIsNotEnoughAndTheAppsCodeSignsIn()
    {
        await using var app = new MarketplaceFactory();
        var (email, key, codes) = await CreatorWithTwoFactorAsync(app);
        using var browser = BrowserSession.For(app);

        var password = await browser.LoginAsync(email, Password);
        var beforeCode = await browser.Client.GetAsync("/creator");
        var second = await browser.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });

        codes.Should().HaveCount(10);
        password.StatusCode.Should().Be(HttpStatusCode.Redirect);
        password.Headers.Location!.OriginalString.Should().StartWith("/Identity/Account/LoginWith2fa");
        beforeCode.StatusCode.Should().Be(HttpStatusCode.Redirect, "the password alone does not sign in");
        beforeCode.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location!.OriginalString.Should().Be("/");
        (await browser.Client.GetAsync("/creator")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginWith2fa_RecoveryCode_SignsInOnceThenRefused()
    {
        await using var app = new MarketplaceFactory();
        var (email, _, codes) = await CreatorWithTwoFactorAsync(app);

        var first = await SecondStepAsync(app, email, codes[0]);
        var again = await SecondStepAsync(app, email, codes[0]);
        var wrong = await SecondStepAsync(app, email, "abcde-fghij");

        first.StatusCode.Should().Be(HttpStatusCode.Redirect, "a recovery code signs in");
        again.StatusCode.Should().Be(HttpStatusCode.OK, "a recovery code works once");
        (await again.Content.ReadAsStringAsync()).Should().Contain("The code is not valid.");
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoFactorAuthentication_NewRecoveryCodesThenTurnedOff_OldCodesRefusedThenPasswordAloneSignsIn()
    {
        await using var app = new MarketplaceFactory();
        var (email, _, oldCodes) = await CreatorWithTwoFactorAsync(app);
        using var owner = BrowserSession.For(app);
        await SignInWithCodeAsync(owner, email, oldCodes[1]);
        const string Page = "/Identity/Account/Manage/TwoFactorAuthentication";

        var renewed = await owner.SubmitFormAsync(Page, new Dictionary<string, string>(), Page + "?handler=RecoveryCodes");
        var newCodes = RecoveryCodes(await renewed.Content.ReadAsStringAsync());
        var oldRefused = await SecondStepAsync(app, email, oldCodes[2]);
        var off = await owner.SubmitFormAsync(Page, new Dictionary<string, string>(), Page + "?handler=Disable");
        using var later = BrowserSession.For(app);
        var passwordOnly = await later.LoginAsync(email, Password);

        newCodes.Should().HaveCount(10).And.NotIntersectWith(oldCodes);
        oldRefused.StatusCode.Should().Be(HttpStatusCode.OK, "the old codes stopped working");
        off.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await owner.Client.GetStringAsync(Page)).Should().Contain("Two-factor authentication is off.");
        passwordOnly.Headers.Location!.OriginalString.Should().Be("/", "with two-factor off the password signs in");
    }

    [Fact]
    public async Task Admin_WithoutTwoFactor_SentToSetUpBeforeAdminPagesAndDashboardThenLetIn()
    {
        await using var app = new MarketplaceFactory { Settings = new Dictionary<string, string?> { ["Security:RequireAdminTwoFactor"] = "true" } };
        using var admin = BrowserSession.For(app);
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var adminPage = await admin.Client.GetAsync("/admin/plans");
        var dashboard = await admin.Client.GetAsync("/hangfire");
        var setupPage = await admin.Client.GetStringAsync(adminPage.Headers.Location);
        var key = SharedKey(setupPage);
        var done = await admin.SubmitFormAsync(adminPage.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        var afterSetup = await admin.Client.GetAsync("/admin/plans");

        adminPage.StatusCode.Should().Be(HttpStatusCode.Redirect);
        adminPage.Headers.Location!.OriginalString.Should().Be(Setup + "?required=true&returnUrl=%2Fadmin%2Fplans");
        dashboard.StatusCode.Should().Be(HttpStatusCode.Redirect);
        dashboard.Headers.Location!.OriginalString.Should().StartWith(Setup);
        setupPage.Should().Contain("Admins must use two-factor authentication");
        (await done.Content.ReadAsStringAsync()).Should().Contain("Two-factor authentication is on.").And.Contain("href=\"/admin/plans\"");
        afterSetup.StatusCode.Should().Be(HttpStatusCode.OK, "with two-factor on, the admin pages open");
    }

    /// <summary>A creator who set up the app: their email, the shared key and the 10 recovery codes shown once.</summary>
    internal static async Task<(string Email, string Key, List<string> Codes)> CreatorWithTwoFactorAsync(MarketplaceFactory app)
    {
        var email = $"f{Guid.NewGuid():N}@example.com";
        using var browser = BrowserSession.For(app);
        (await browser.RegisterCreatorAsync(email, "Deux facteurs", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await browser.Client.GetStringAsync(Setup);
        page.Should().Contain("otpauth://totp/Marketplace:");
        var key = SharedKey(page);
        var enabled = await browser.SubmitFormAsync(Setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        var html = await enabled.Content.ReadAsStringAsync();
        html.Should().Contain("Two-factor authentication is on.");
        return (email, key, RecoveryCodes(html));
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(MarketplaceFactory app, string email, string code)
    {
        using var browser = BrowserSession.For(app);
        return await SignInWithCodeAsync(browser, email, code);
    }

    private static async Task<HttpResponseMessage> SignInWithCodeAsync(BrowserSession browser, string email, string code)
    {
        var password = await browser.LoginAsync(email, Password);
        return await browser.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
    }

    private static string SharedKey(string html) => SharedKeyElement().Match(html) is { Success: true } m ? m.Groups[1].Value
        : throw new InvalidOperationException("No shared key on the page.");

    private static List<string> RecoveryCodes(string html) => [.. RecoveryCodeElement().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-testid=\"shared-key\">([a-z2-7 ]+)</kbd>")]
    private static partial Regex SharedKeyElement();

    [GeneratedRegex("class=\"recovery-code\">([^<]+)</code>")]
    private static partial Regex RecoveryCodeElement();
}
