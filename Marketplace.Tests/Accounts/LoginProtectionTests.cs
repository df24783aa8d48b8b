using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Issue 16, item 6 (as issue 25 changed it): wrong passwords are throttled (5 from one address, then that address waits
/// for that account; Accounts/SignInThrottlingTests has the rest), and the POSTs of Login, both sign-ups, Forgot password
/// and Resend email confirmation are limited per client address.
/// </summary>
public sealed class LoginProtectionTests
{
    private const string Password = "Creator#12345";

    [Fact]
    public async Task Login_FiveWrongPasswordsThenTheRightOne_ThisBrowsersAddressWaitsWithTheMessage()
    {
        await using var app = new MarketplaceFactory();
        var email = $"l{Guid.NewGuid():N}@example.com";
        using (var signup = BrowserSession.For(app)) (await signup.RegisterCreatorAsync(email, "Locked", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var attacker = BrowserSession.For(app);

        var wrong = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) wrong.Add(await attacker.LoginAsync(email, $"Wrong#{i}2345"));
        var right = await attacker.LoginAsync(email, Password);

        wrong.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "\"Invalid login attempt.\" five times");
        right.StatusCode.Should().Be(HttpStatusCode.OK, "the right password from the guessing address waits (Security:SignIn, 5 free failures)");
        (await right.Content.ReadAsStringAsync()).Should().Contain("Too many failed sign-ins. Try again in 1 minute(s)");
        (await attacker.Client.GetAsync("/creator/subscription")).StatusCode.Should().Be(HttpStatusCode.Redirect, "not signed in");
    }

    [Fact]
    public async Task Post_SignInSignUpAndEmailLinkPagesBeyondTheLimitFromOneAddress_429WithRetryAfterAndAPage()
    {
        await using var app = new MarketplaceFactory { Settings = new Dictionary<string, string?> { ["Security:IdentityPostsPerMinute"] = "3" } };
        using var browser = BrowserSession.For(app);
        var forms = new Dictionary<string, Dictionary<string, string>>
        {
            ["/Identity/Account/Login"] = new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "Wrong#12345" },
            ["/Identity/Account/Register"] = new() { ["Input.DisplayName"] = "x", ["Input.Email"] = "not-an-email", ["Input.Password"] = "a", ["Input.ConfirmPassword"] = "b" },
            ["/Identity/Account/RegisterBuyer"] = new() { ["Input.Email"] = "not-an-email", ["Input.Password"] = "a", ["Input.ConfirmPassword"] = "b" },
            ["/Identity/Account/ForgotPassword"] = new() { ["Input.Email"] = "nobody@example.com" },
            ["/Identity/Account/ResendEmailConfirmation"] = new() { ["Input.Email"] = "nobody@example.com" },
        };

        foreach (var (page, fields) in forms)
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++) answers.Add(await browser.SubmitFormAsync(page, fields));

            answers.Take(3).Should().OnlyContain(r => r.StatusCode != HttpStatusCode.TooManyRequests, page);
            answers[3].StatusCode.Should().Be(HttpStatusCode.TooManyRequests, page);
            answers[3].Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
            (await answers[3].Content.ReadAsStringAsync()).Should().Contain("Too many attempts from your address");
        }

        (await browser.Client.GetAsync("/Identity/Account/Login")).StatusCode.Should().Be(HttpStatusCode.OK, "reading the page is not limited");
    }
}
