using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Bench;

/// <summary>
/// Sets up creators the way a person does, over HTTP against the running app and the emulator's hosted pages:
/// Register, Connect onboarding (Complete), Silver monthly on Checkout with card 4242. Each ends with a Stripe
/// Customer, Subscription and paid Invoice in the emulator, linked to a creator in the app: the objects the
/// benchmark's events name, so that every refetch finds them.
/// </summary>
public static partial class CreatorSetup
{
    /// <summary>
    /// Sets up <paramref name="count"/> creators, 4 at a time; <paramref name="confirmEmail"/> confirms each address
    /// between sign-up and sign-in (<see cref="EmailConfirmation"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A step did not answer as a browser would expect.</exception>
    public static async Task RunAsync(Uri app, int count, string runId, Func<string, Task> confirmEmail)
    {
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await OneAsync(app, $"bench-{runId}-{i}@example.com", $"Bench creator {i}", confirmEmail);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// Sets up one creator (Register, Connect, Silver monthly on Checkout) and returns the cookies of their signed-in
    /// session, for pages they then visit. Sign-up signs nobody in until the address is confirmed: with
    /// <paramref name="confirmEmail"/> (the run confirms the address, e.g. in the database) the creator then signs in on the
    /// Login page.
    /// </summary>
    /// <exception cref="InvalidOperationException">A step did not answer as a browser would expect.</exception>
    public static async Task<CookieContainer> OneAsync(Uri app, string email, string name, Func<string, Task>? confirmEmail = null)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = app,
            Timeout = TimeSpan.FromSeconds(60),
        };
        const string password = "Creator#12345";
        await PostFormAsync(http, "/Identity/Account/Register", "/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }, HttpStatusCode.Redirect);
        if (confirmEmail is not null)
        {
            await confirmEmail(email);
            await PostFormAsync(http, "/Identity/Account/Login", "/Identity/Account/Login", new()
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }, HttpStatusCode.Redirect);
        }

        var onboarding = await PostFormAsync(http, "/creator/connect", "/creator/connect/onboard", new(), HttpStatusCode.SeeOther);
        var back = await ExpectAsync(await http.PostAsync(onboarding, Form(new() { ["action"] = "complete" })), HttpStatusCode.SeeOther);
        await ExpectAsync(await http.GetAsync(back), HttpStatusCode.OK);

        var upgrade = await ReadAsync(http, "/creator/subscription/upgrade");
        var select = SilverSelect().Match(upgrade);
        if (!select.Success) throw new InvalidOperationException("no Silver plan form on the upgrade page");
        var checkout = await ExpectAsync(await http.PostAsync(select.Groups[1].Value,
            Form(new() { ["interval"] = "month", ["__RequestVerificationToken"] = Token(upgrade) })), HttpStatusCode.SeeOther);
        var success = await ExpectAsync(await http.PostAsync(checkout,
            Form(new() { ["card_number"] = "4242424242424242", ["email"] = email })), HttpStatusCode.SeeOther);
        var page = await ExpectAsync(await http.GetAsync(success), HttpStatusCode.Redirect);
        if (!page.AbsolutePath.EndsWith("/creator/subscription", StringComparison.Ordinal))
            throw new InvalidOperationException($"Checkout success went to {page}, not the subscription page");
        return cookies;
    }

    internal static async Task<Uri> PostFormAsync(HttpClient http, string formPage, string action, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        fields["__RequestVerificationToken"] = Token(await ReadAsync(http, formPage));
        return await ExpectAsync(await http.PostAsync(action, Form(fields)), expected);
    }

    internal static async Task<string> ReadAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Checks the status and returns the absolute <c>Location</c> (or the request URL for a 200).</summary>
    private static async Task<Uri> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, expected {(int)expected}. {body[..Math.Min(body.Length, 400)]}");
        }

        var location = response.Headers.Location;
        if (location is null) return response.RequestMessage!.RequestUri!;
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    internal static string Token(string html)
    {
        var match = AntiforgeryToken().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-plan-code=\"SILVER\"[\\s\\S]*?<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex SilverSelect();
}
