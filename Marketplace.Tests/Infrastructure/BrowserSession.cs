using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that fills forms as a browser would: it reads the page, takes its antiforgery token,
/// and posts the fields. Redirects are not followed, so tests see them. With the app's <paramref name="services"/>, a
/// sign-up goes on as its owner would: the emailed confirmation link opened, then the sign-in.
/// </summary>
public sealed partial class BrowserSession(HttpClient client, IServiceProvider? services = null) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>A new session on <paramref name="factory"/>'s in-memory server.</summary>
    public static BrowserSession For(MarketplaceFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), factory.Services);

    /// <summary>GETs <paramref name="formPage"/>, then POSTs its form (to <paramref name="action"/> or the same URL) with the fields.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var page = await Client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {formPage} (HTTP {(int)page.StatusCode}).");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(action ?? formPage, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Registers a creator through the Register page and, when the email had no account, confirms it through the
    /// confirmation page (a token from the app's <see cref="UserManager{TUser}"/>, as the emailed link carries) and signs
    /// in: the answer is then the sign-in's redirect to the plans. For an email that has an account, the sign-up's answer.
    /// </summary>
    public async Task<HttpResponseMessage> RegisterCreatorAsync(string email, string displayName, string password = "Creator#12345")
    {
        var isNew = !await HasAccountAsync(email);
        var answer = await SubmitCreatorSignUpAsync(email, displayName, password);
        return isNew ? await ConfirmAndSignInAsync(answer, email, password) : answer;
    }

    /// <summary>Posts the creator sign-up form and returns its answer (nobody is signed in by it).</summary>
    public Task<HttpResponseMessage> SubmitCreatorSignUpAsync(string email, string displayName, string password = "Creator#12345") =>
        SubmitFormAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    /// <summary>
    /// After a sign-up's <paramref name="answer"/> (a redirect to "check your email"), opens the account's confirmation
    /// link and signs in with <paramref name="password"/>, going on to the sign-up's <c>returnUrl</c>; any other answer
    /// (a form error), or a session without the app's services, is returned as it is.
    /// </summary>
    public async Task<HttpResponseMessage> ConfirmAndSignInAsync(HttpResponseMessage answer, string email, string password)
    {
        var location = answer.Headers.Location?.OriginalString ?? "";
        if (services is null || !location.Contains("/Identity/Account/RegisterConfirmation", StringComparison.Ordinal)) return answer;
        (await Client.GetAsync(await ConfirmationLinkAsync(email))).EnsureSuccessStatusCode();
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), location).Query);
        var returnUrl = query.TryGetValue("returnUrl", out var value) ? value.ToString() : "/";
        return await SubmitFormAsync("/Identity/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        });
    }

    /// <summary>The path of a confirmation link for <paramref name="email"/>'s account, as the confirmation email carries it.</summary>
    public async Task<string> ConfirmationLinkAsync(string email)
    {
        await using var scope = (services ?? throw new InvalidOperationException("This session has no app services.")).CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account has {email}.");
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        return $"/Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={code}";
    }

    /// <summary>True when an account has <paramref name="email"/> (false for a session without the app's services).</summary>
    public async Task<bool> HasAccountAsync(string email)
    {
        if (services is null) return false;
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email) is not null;
    }

    /// <summary>Signs in through the Identity UI's Login page.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        await SubmitFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        });

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
