using System.Net;
using Marketplace.Core.Emails;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Issue 25, "Sign-in": password guessing is throttled per address, per account and per account from an address, so a
/// stranger cannot lock the owner out: the owner signs in from another address, or from a browser that signed in
/// before (device cookie), at once; the owner gets one warning email. The client address is set with
/// <c>X-Forwarded-For</c> through a configured known proxy (the in-memory server has no connection address, which the
/// forwarded headers middleware accepts as a proxy).
/// </summary>
public sealed class SignInThrottlingTests
{
    private const string Password = "Owner#12345";

    private static MarketplaceFactory NewApp() => new() { Settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.255.255.1" } };

    [Fact]
    public async Task Login_FiftyWrongPasswordsFromAddressA_OwnerSignsInFromAddressBAtOnceAndIsWarnedOnce()
    {
        await using var app = NewApp();
        var email = await RegisterAsync(app, "203.0.113.200");
        using var attacker = At(app, "203.0.113.10");

        var wrong = new List<HttpResponseMessage>();
        for (var i = 0; i < 50; i++) wrong.Add(await attacker.LoginAsync(email, $"Wrong#{i}2345"));
        var rightFromA = await attacker.LoginAsync(email, Password);
        using var owner = At(app, "198.51.100.20");
        var fromB = await owner.LoginAsync(email, Password);

        wrong.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "every attempt answers the sign-in page");
        (await wrong[3].Content.ReadAsStringAsync()).Should().Contain("Invalid login attempt.");
        (await wrong[49].Content.ReadAsStringAsync()).Should().Contain("Too many failed sign-ins. Try again in");
        rightFromA.StatusCode.Should().Be(HttpStatusCode.OK, "address A waits, even with the right password");
        (await rightFromA.Content.ReadAsStringAsync()).Should().Contain("Too many failed sign-ins");
        fromB.StatusCode.Should().Be(HttpStatusCode.Redirect, "the owner is signed in from address B at once");
        fromB.Headers.Location!.OriginalString.Should().Be("/");
        (await owner.Client.GetAsync("/creator")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WarningsAsync(app, email)).Should().Be(1, "the owner is told once");
    }

    [Fact]
    public async Task Login_GuessesFromManyAddresses_NewBrowserWaitsButTheOwnersDeviceSignsInAtOnce()
    {
        await using var app = NewApp();
        var email = await RegisterAsync(app, "203.0.113.200");
        using var device = At(app, "192.0.2.50");
        (await device.LoginAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a first good sign-in sets the device cookie");

        for (var a = 1; a <= 3; a++)
        {
            using var attacker = At(app, $"203.0.113.{a}");
            for (var i = 0; i < 20; i++) await attacker.LoginAsync(email, $"Wrong#{i}2345");
        }

        using var stranger = At(app, "198.51.100.30");
        var fromNewBrowser = await stranger.LoginAsync(email, Password);
        var fromDevice = await device.LoginAsync(email, Password);

        fromNewBrowser.StatusCode.Should().Be(HttpStatusCode.OK, "10 failures over several addresses hold the account for browsers it does not know");
        (await fromNewBrowser.Content.ReadAsStringAsync()).Should().Contain("Too many failed sign-ins");
        fromDevice.StatusCode.Should().Be(HttpStatusCode.Redirect, "the browser that signed in before is not held by the account's count");
        (await WarningsAsync(app, email)).Should().Be(1);
    }

    [Fact]
    public async Task DeletePersonalData_TwentyFiveWrongPasswords_HeldAfterFiveAndTheAccountStays()
    {
        await using var app = NewApp();
        var email = $"d{Guid.NewGuid():N}@example.com";
        using var browser = At(app, "203.0.113.77");
        (await browser.RegisterCreatorAsync(email, "Closer", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var answers = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var response = await browser.SubmitFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = $"Wrong#{i}2345" });
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        var right = await browser.SubmitFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = Password });

        answers.Take(5).Should().OnlyContain(a => a.Contains("Incorrect password."));
        answers.Skip(5).Should().OnlyContain(a => a.Contains("Too many failed password checks. Try again in"));
        right.StatusCode.Should().Be(HttpStatusCode.OK, "the right password waits too: guessing it is no faster");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).Should().BeTrue("the account is not closed");
    }

    /// <summary>Registers an owner from <paramref name="address"/> in a browser that is then dropped; returns the email.</summary>
    private static async Task<string> RegisterAsync(MarketplaceFactory app, string address)
    {
        var email = $"t{Guid.NewGuid():N}@example.com";
        using var signup = At(app, address);
        (await signup.RegisterCreatorAsync(email, "Owner", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return email;
    }

    /// <summary>A new browser whose requests come from <paramref name="address"/> (through the known proxy).</summary>
    internal static BrowserSession At(MarketplaceFactory app, string address)
    {
        var browser = BrowserSession.For(app);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private static Task<int> WarningsAsync(MarketplaceFactory app, string email) =>
        app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Kind == EmailKinds.SignInGuessing && e.To == email));
}
