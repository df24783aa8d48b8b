using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that fills forms as a browser would: it reads the page, takes its antiforgery token,
/// and posts the fields. Redirects are not followed, so tests see them.
/// </summary>
public sealed partial class BrowserSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>A new session on <paramref name="factory"/>'s in-memory server.</summary>
    public static BrowserSession For(MarketplaceFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

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

    /// <summary>Registers a creator through the Identity UI's Register page; the session is then signed in.</summary>
    public async Task<HttpResponseMessage> RegisterCreatorAsync(string email, string displayName, string password = "Creator#12345") =>
        await SubmitFormAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

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
