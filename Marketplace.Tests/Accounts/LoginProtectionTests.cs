using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Issue 16, item 6: Identity's lockout counts every wrong password (5, then 15 minutes locked, with Identity's "Locked
/// out" page), and the Login, Register and Forgot password POSTs are limited per client address.
/// </summary>
public sealed class LoginProtectionTests
{
    private const string Password = "Creator#12345";

    [Fact]
    public async Task Login_FiveWrongPasswordsThenTheRightOne_LockedOutWithTheMessage()
    {
        await using var app = new MarketplaceFactory();
        var email = $"l{Guid.NewGuid():N}@example.com";
        using (var signup = BrowserSession.For(app)) (await signup.RegisterCreatorAsync(email, "Locked", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var attacker = BrowserSession.For(app);

        var wrong = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) wrong.Add(await attacker.LoginAsync(email, $"Wrong#{i}2345"));
        var right = await attacker.LoginAsync(email, Password);

        wrong.Take(4).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "\"Invalid login attempt.\" four times");
        wrong[4].Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Lockout", "the fifth failure locks the account");
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        right.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Lockout");
        (await attacker.Client.GetStringAsync(right.Headers.Location)).Should().Contain("This account has been locked out, please try again later.");
        (await attacker.Client.GetAsync("/creator/subscription")).StatusCode.Should().Be(HttpStatusCode.Redirect, "not signed in");
    }

    [Fact]
    public async Task Post_LoginRegisterForgotPasswordBeyondTheLimitFromOneAddress_429WithRetryAfterAndAPage()
    {
        await using var app = new MarketplaceFactory { Settings = new Dictionary<string, string?> { ["Security:IdentityPostsPerMinute"] = "3" } };
        using var browser = BrowserSession.For(app);
        var forms = new Dictionary<string, Dictionary<string, string>>
        {
            ["/Identity/Account/Login"] = new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "Wrong#12345" },
            ["/Identity/Account/Register"] = new() { ["Input.DisplayName"] = "x", ["Input.Email"] = "not-an-email", ["Input.Password"] = "a", ["Input.ConfirmPassword"] = "b" },
            ["/Identity/Account/ForgotPassword"] = new() { ["Input.Email"] = "nobody@example.com" },
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
