using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Passkeys through the pages, with <see cref="SoftwareAuthenticator"/> doing the browser's part: added on the account
/// page (listed, removable), then "Sign in with a passkey" signs in without a password; a removed passkey or a forged
/// signature is refused; an admin who signed in with a passkey opens <c>/admin</c> without an authenticator app, also
/// after the session is re-validated. (The same in Chromium with a virtual authenticator: Marketplace.SystemTests.)
/// </summary>
public sealed partial class PasskeyTests
{
    private const string Password = "Creator#12345";
    private const string AccountPage = "/Identity/Account/Manage/Passkeys";
    private const string LoginPage = "/Identity/Account/Login";

    [Fact]
    public async Task Passkeys_CreatorAddsOneThenSignsInWithIt_SignedInWithoutAPassword()
    {
        await using var app = new MarketplaceFactory();
        using var authenticator = new SoftwareAuthenticator();
        using var owner = BrowserSession.For(app);
        await owner.RegisterCreatorAsync($"p{Guid.NewGuid():N}@example.com", "Clé", Password);

        var added = await AddPasskeyAsync(owner, authenticator, "Mon téléphone");
        var list = await owner.Client.GetStringAsync(AccountPage);
        using var elsewhere = BrowserSession.For(app);
        var signedIn = await PasskeySignInAsync(elsewhere, authenticator, "/creator");

        added.StatusCode.Should().Be(HttpStatusCode.Redirect, string.Join("\n", File.ReadAllLines(app.LogFile).Where(l => l.Contains("asskey", StringComparison.Ordinal))));
        list.Should().Contain("Passkey added: you can now sign in with it.").And.Contain("Mon téléphone").And.Contain(authenticator.CredentialId);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Headers.Location!.OriginalString.Should().Be("/creator");
        (await elsewhere.Client.GetAsync("/creator")).StatusCode.Should().Be(HttpStatusCode.OK, "signed in by the passkey alone");
    }

    [Fact]
    public async Task PasskeySignIn_RemovedPasskeyOrForgedSignature_RefusedOnTheSignInPage()
    {
        await using var app = new MarketplaceFactory();
        using var authenticator = new SoftwareAuthenticator();
        using var owner = BrowserSession.For(app);
        await owner.RegisterCreatorAsync($"p{Guid.NewGuid():N}@example.com", "Clé", Password);
        await AddPasskeyAsync(owner, authenticator, "Laptop");
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var thief = BrowserSession.For(app);
        var forged = await PasskeySignInAsync(thief, authenticator, "/creator", forger);
        var removed = await owner.SubmitFormAsync(AccountPage, new Dictionary<string, string> { ["id"] = authenticator.CredentialId }, AccountPage + "?handler=Remove");
        var listAfter = await owner.Client.GetStringAsync(AccountPage);
        using var later = BrowserSession.For(app);
        var afterRemoval = await PasskeySignInAsync(later, authenticator, "/creator");

        forged.StatusCode.Should().Be(HttpStatusCode.OK);
        (await forged.Content.ReadAsStringAsync()).Should().Contain("This passkey was not accepted.");
        (await thief.Client.GetAsync("/creator")).StatusCode.Should().Be(HttpStatusCode.Redirect, "not signed in");
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        listAfter.Should().Contain("Passkey removed").And.Contain("You have no passkey yet.");
        afterRemoval.StatusCode.Should().Be(HttpStatusCode.OK);
        (await afterRemoval.Content.ReadAsStringAsync()).Should().Contain("This passkey was not accepted.");
    }

    [Fact]
    public async Task Admin_SignedInWithAPasskey_OpensAdminWithoutAnAuthenticatorAppEvenAfterRevalidation()
    {
        await using var app = new MarketplaceFactory
        {
            Settings = new Dictionary<string, string?> { ["Security:RequireAdminTwoFactor"] = "true", ["Security:SessionValidationSeconds"] = "0" },
        };
        using var authenticator = new SoftwareAuthenticator();
        using var admin = BrowserSession.For(app);
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var byPassword = await admin.Client.GetAsync("/admin/creators");
        await AddPasskeyAsync(admin, authenticator, "Admin key");

        using var withPasskey = BrowserSession.For(app);
        (await PasskeySignInAsync(withPasskey, authenticator, "/admin/creators")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var first = await withPasskey.Client.GetAsync("/admin/creators");
        var second = await withPasskey.Client.GetAsync("/admin/creators");

        byPassword.StatusCode.Should().Be(HttpStatusCode.Redirect, "a password sign-in without two-factor is sent to set it up");
        byPassword.Headers.Location!.OriginalString.Should().StartWith("/Identity/Account/Manage/EnableAuthenticator");
        first.StatusCode.Should().Be(HttpStatusCode.OK, "a passkey counts as two-factor");
        second.StatusCode.Should().Be(HttpStatusCode.OK, "the re-validated session still knows it was a passkey (validation interval 0)");
    }

    /// <summary>"Add a passkey" on the account page: the options, the authenticator's credential, the form.</summary>
    private static async Task<HttpResponseMessage> AddPasskeyAsync(BrowserSession browser, SoftwareAuthenticator authenticator, string name)
    {
        var token = await TokenAsync(browser, AccountPage);
        var options = await PostAsync(browser, AccountPage + "?handler=Options", token, []);
        options.StatusCode.Should().Be(HttpStatusCode.OK);
        var credential = authenticator.Create(await options.Content.ReadAsStringAsync(), Origin(browser));
        return await PostAsync(browser, AccountPage + "?handler=Add", token, new() { ["CredentialJson"] = credential, ["Name"] = name });
    }

    /// <summary>"Sign in with a passkey" on the sign-in page, going on to <paramref name="returnUrl"/>.</summary>
    private static async Task<HttpResponseMessage> PasskeySignInAsync(BrowserSession browser, SoftwareAuthenticator authenticator, string returnUrl, ECDsa? signer = null)
    {
        var token = await TokenAsync(browser, LoginPage + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var options = await PostAsync(browser, LoginPage + "?handler=PasskeyOptions", token, []);
        options.StatusCode.Should().Be(HttpStatusCode.OK);
        var assertion = authenticator.Get(await options.Content.ReadAsStringAsync(), Origin(browser), signer);
        return await PostAsync(browser, $"{LoginPage}?handler=Passkey&returnUrl={Uri.EscapeDataString(returnUrl)}", token, new() { ["CredentialJson"] = assertion });
    }

    private static string Origin(BrowserSession browser) => browser.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    private static async Task<string> TokenAsync(BrowserSession browser, string page)
    {
        var html = await browser.Client.GetStringAsync(page);
        return WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);
    }

    /// <summary>A POST as the page's script or form sends it: the antiforgery token as header and field, and the browser's <c>Origin</c>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(BrowserSession browser, string url, string token, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("Origin", Origin(browser));
        return await browser.Client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
