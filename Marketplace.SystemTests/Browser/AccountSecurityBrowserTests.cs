using System.Text.RegularExpressions;
using Marketplace.SystemTests.Infrastructure;
using Marketplace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// Sign-in defences in a real Chromium: a passkey added on the account page with the DevTools protocol's virtual
/// authenticator (<c>WebAuthn.addVirtualAuthenticator</c>: CTAP2, internal transport, resident keys, user verification)
/// then "Sign in with a passkey"; the authenticator app's two-factor set up from the shown key and asked at the next
/// sign-in (the test computes the codes, <see cref="Totp"/>). Pages are opened on <c>localhost</c>: WebAuthn refuses an
/// IP address as relying party.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccountSecurityBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    private const string Password = "Creator#12345";

    [Fact]
    public async Task Passkey_AddedWithTheVirtualAuthenticator_SignsTheCreatorInWithoutAPassword()
    {
        var email = await CreatorAsync("Passkey shop");
        await using var browser = await LoopbackOnlyContext.OpenAsync(chromium.Browser);
        var page = browser.Page;
        var cdp = await browser.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add("error: " + error);
        await SignInWithPasswordAsync(page, email);

        await page.GotoAsync(Local("/Identity/Account/Manage/Passkeys"));
        await page.Locator("#passkey-name").FillAsync("Chromium");
        await page.Locator("#add-passkey").ClickAsync();
        try
        {
            await Expect(page.GetByTestId("status-message")).ToContainTextAsync("Passkey added", new() { Timeout = 20_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{e.Message}\nBrowser console:\n{string.Join("\n", console)}\nPage: {page.Url}", e);
        }

        await Expect(page.GetByTestId("passkey")).ToContainTextAsync("Chromium");

        await browser.Context.ClearCookiesAsync(); // signed out; the authenticator keeps its passkey
        await page.GotoAsync(Local("/Identity/Account/Login?returnUrl=%2Fcreator"));
        await page.Locator("#passkey-sign-in").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/creator$"));
        await page.GotoAsync(Local("/creator/listings"));
        await Expect(page).ToHaveURLAsync(new Regex("/creator/listings$"), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task TwoFactor_SetUpFromTheShownKey_NextSignInAsksTheAppsCode()
    {
        var email = await CreatorAsync("Totp shop");
        await using var browser = await LoopbackOnlyContext.OpenAsync(chromium.Browser);
        var page = browser.Page;
        await SignInWithPasswordAsync(page, email);

        await page.GotoAsync(Local("/Identity/Account/Manage/TwoFactorAuthentication"));
        await page.Locator("#enable-authenticator").ClickAsync();
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.Locator("#Code").FillAsync(Totp.Code(key));
        await page.Locator("#enable-authenticator button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);

        await browser.Context.ClearCookiesAsync();
        await page.GotoAsync(Local("/Identity/Account/Login?returnUrl=%2Fcreator"));
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/LoginWith2fa"));
        await page.Locator("#Code").FillAsync(Totp.Code(key));
        await page.Locator("#login-2fa button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/creator$"));
    }

    /// <summary>A creator with a confirmed address (signed up through the pages, the confirmation link opened); returns the email.</summary>
    private async Task<string> CreatorAsync(string shop)
    {
        var email = $"sec{Guid.NewGuid():N}@example.com";
        using var signUp = app.NewBrowser();
        (await signUp.RegisterCreatorAsync(email, shop, Password)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        return email;
    }

    private async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(Local("/Identity/Account/Login"));
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
    }

    /// <summary><paramref name="path"/> on the app, as <c>http://localhost:{port}</c>.</summary>
    private string Local(string path) => new UriBuilder(app.AppUrl) { Host = "localhost", Path = "" }.Uri.GetLeftPart(UriPartial.Authority) + path;
}

/// <summary>The live app with <c>Security:RequireAdminTwoFactor</c> on, as in production.</summary>
public sealed class AdminTwoFactorFactory() : LiveMarketplaceFactory(emulatorDeliversWebhooks: true,
    new Dictionary<string, string?> { ["Security:RequireAdminTwoFactor"] = "true" });

/// <summary>An admin without two-factor, in Chromium: sent to set it up before the admin pages, then let in.</summary>
[Trait("Category", "Browser")]
public sealed class AdminTwoFactorBrowserTests(AdminTwoFactorFactory app, ChromiumFixture chromium)
    : IClassFixture<AdminTwoFactorFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Admin_WithoutTwoFactor_SetsItUpBeforeTheAdminPagesOpen()
    {
        await using var browser = await LoopbackOnlyContext.OpenAsync(chromium.Browser);
        var page = browser.Page;
        await page.GotoAsync(new Uri(app.AppUrl, "/Identity/Account/Login?returnUrl=%2Fadmin%2Fplans").ToString());
        await page.Locator("#Input_Email").FillAsync(MarketplaceFactory.AdminEmail);
        await page.Locator("#Input_Password").FillAsync(MarketplaceFactory.AdminPassword);
        await page.Locator("#login-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Manage/EnableAuthenticator\\?required=true&returnUrl=%2Fadmin%2Fplans"));
        await Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.Locator("#Code").FillAsync(Totp.Code(key));
        await page.Locator("#enable-authenticator button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(app.AppUrl, "/admin/plans").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/admin/plans$"));
    }
}
