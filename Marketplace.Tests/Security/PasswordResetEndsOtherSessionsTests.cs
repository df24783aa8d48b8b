using System.Net;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Security;

/// <summary>
/// A password reset through the emailed link's page ends every session of the account on its next request once the
/// security stamp is checked (here on every request, <c>Security:SessionValidationSeconds=0</c>; by default within 60 s).
/// </summary>
public sealed class PasswordResetEndsOtherSessionsTests(StampEveryRequestFactory app) : IClassFixture<StampEveryRequestFactory>
{
    [Fact]
    public async Task ResetPassword_OtherBrowserSignedIn_SentToTheLoginPageOnItsNextRequest()
    {
        var email = $"r{Guid.NewGuid():N}@example.com";
        using var owner = app.NewBrowser();
        using var signedIn = app.NewBrowser();
        using var resetter = app.NewBrowser();
        await owner.RegisterCreatorAsync(email, "Reset shop", "Owner#12345");
        (await signedIn.LoginAsync(email, "Owner#12345")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await signedIn.Client.GetAsync("/Identity/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.OK);

        var (link, token) = await ResetLinkAsync(email);
        var reset = await resetter.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Changed#67890", ["Input.ConfirmPassword"] = "Changed#67890", ["Input.Code"] = token,
        });

        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reset.Headers.Location!.ToString().Should().Contain("ResetPasswordConfirmation");
        var next = await signedIn.Client.GetAsync("/Identity/Account/Manage");
        next.StatusCode.Should().Be(HttpStatusCode.Redirect);
        next.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
        (await resetter.LoginAsync(email, "Changed#67890")).Headers.Location!.ToString().Should().NotContain("/Identity/Account/Login");
    }

    /// <summary>The reset page's path with a token from the app's <see cref="UserManager{TUser}"/>, as the reset email carries it, and the token (the form's hidden field).</summary>
    private async Task<(string Link, string Token)> ResetLinkAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account has {email}.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return ("/Identity/Account/ResetPassword?code=" + WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token)), token);
    }
}
