using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Bench.Pages;

/// <summary>
/// What the page benchmark needs in the app, made over HTTP as a person makes it: one creator registered on the
/// Identity page (Free plan), its address confirmed and signed in on the Login page, with three listings made with the listing form. Gives the creator's shop path and the
/// sign-in cookie that wrk sends for the signed-in pages.
/// </summary>
public static partial class PageSetup
{
    /// <summary>The creator's storefront path (<c>/c/{slug}</c>) and the <c>Cookie</c> header of their session.</summary>
    public sealed record Creator(string ShopPath, string CookieHeader);

    /// <summary>
    /// Registers the creator, confirms the address with <paramref name="confirmEmail"/> (<see cref="EmailConfirmation"/>;
    /// sign-up signs nobody in until then), signs in and makes the listings.
    /// </summary>
    /// <exception cref="InvalidOperationException">A page did not answer as a browser would expect.</exception>
    public static async Task<Creator> RunAsync(Uri app, string runId, Func<string, Task> confirmEmail)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = app,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var name = "pagebench" + runId; // letters and digits only: the slug is the same text
        const string password = "Creator#12345";
        await PostFormAsync(http, "/Identity/Account/Register", "/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = name + "@example.com",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }, HttpStatusCode.Redirect);
        await confirmEmail(name + "@example.com");
        await PostFormAsync(http, "/Identity/Account/Login", "/Identity/Account/Login", new()
        {
            ["Input.Email"] = name + "@example.com",
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        }, HttpStatusCode.Redirect);
        for (var i = 1; i <= 3; i++)
        {
            await PostFormAsync(http, "/creator/listings/new", "/creator/listings", new()
            {
                ["Title"] = $"Bench listing {i}",
                ["Description"] = "A listing the page benchmark shows on the storefront.",
                ["Price"] = $"{4 + i}.50",
                ["Currency"] = "eur",
                ["DeliveryNote"] = "https://example.com/download",
            }, HttpStatusCode.Redirect);
        }

        var shop = "/c/" + name;
        if (!(await ReadAsync(http, shop)).Contains("Bench listing 3", StringComparison.Ordinal))
            throw new InvalidOperationException($"{shop} does not show the listings");
        var header = cookies.GetCookieHeader(app);
        if (!header.Contains(".AspNetCore.Identity.Application", StringComparison.Ordinal))
            throw new InvalidOperationException("no sign-in cookie after Login");
        return new Creator(shop, header);
    }

    private static async Task PostFormAsync(HttpClient http, string formPage, string action, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        fields["__RequestVerificationToken"] = Token(await ReadAsync(http, formPage));
        using var response = await http.PostAsync(action, new FormUrlEncodedContent(fields));
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"POST {action}: {(int)response.StatusCode}, expected {(int)expected}");
    }

    private static async Task<string> ReadAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static string Token(string html)
    {
        var match = AntiforgeryToken().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
