using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Bench.Files;

/// <summary>
/// What the file benchmark needs in the app, made over HTTP as a person makes it: a creator (Identity Register page,
/// the address marked confirmed in the app's SQLite database in place of the email's link, sign-in, Connect onboarding
/// completed on the emulator's page) with one listing; then, once the file is uploaded, an anonymous
/// buyer who pays on the emulator's Checkout (4242) and reads the download link from the order page.
/// </summary>
public static partial class FileSetup
{
    /// <summary>The creator's session (its <c>Cookie</c> header), the files page of the listing and its antiforgery token.</summary>
    public sealed record Creator(string CookieHeader, string Slug, int ListingId, string FilesPath, string Token);

    /// <summary>Registers and onboards the creator, makes one listing and reads its files page.</summary>
    /// <exception cref="InvalidOperationException">A page did not answer as a browser would expect.</exception>
    public static async Task<Creator> CreatorAsync(Uri app, string databaseFile, string runId)
    {
        var cookies = new CookieContainer();
        using var http = Client(app, cookies);
        var name = "filebench" + runId; // letters and digits: the slug is the same text
        const string password = "Creator#12345";
        await PostFormAsync(http, "/Identity/Account/Register", "/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = name + "@example.com", ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        }, HttpStatusCode.Redirect);
        await ConfirmEmailAsync(databaseFile, name + "@example.com");
        await PostFormAsync(http, "/Identity/Account/Login", "/Identity/Account/Login", new()
        {
            ["Input.Email"] = name + "@example.com", ["Input.Password"] = password, ["Input.RememberMe"] = "false",
        }, HttpStatusCode.Redirect);
        var onboarding = await PostFormAsync(http, "/creator/connect", "/creator/connect/onboard", new(), HttpStatusCode.SeeOther);
        var back = await ExpectAsync(await http.PostAsync(onboarding, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "complete" })), HttpStatusCode.SeeOther);
        await ExpectAsync(await http.GetAsync(back), HttpStatusCode.OK);
        await PostFormAsync(http, "/creator/listings/new", "/creator/listings", new()
        {
            ["Title"] = "Bench file", ["Description"] = "One large file.", ["Price"] = "9.50", ["Currency"] = "eur",
        }, HttpStatusCode.Redirect);
        var listings = await ReadAsync(http, "/creator/listings");
        var files = FilesLink().Match(listings);
        if (!files.Success) throw new InvalidOperationException("no files link on the listings page");
        var filesPath = files.Value;
        var token = Token(await ReadAsync(http, filesPath));
        return new Creator(cookies.GetCookieHeader(app), name, int.Parse(files.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), filesPath, token);
    }

    /// <summary>The files page as the creator sees it (to check the SHA-256 the app computed).</summary>
    public static async Task<string> FilesPageAsync(Uri app, Creator creator)
    {
        using var http = Client(app, new CookieContainer());
        using var request = new HttpRequestMessage(HttpMethod.Get, creator.FilesPath);
        request.Headers.Add("Cookie", creator.CookieHeader);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>An anonymous buyer pays for the listing; returns the absolute download link of the order page.</summary>
    /// <exception cref="InvalidOperationException">A step did not answer as a browser would expect, or the page has no link.</exception>
    public static async Task<Uri> BuyAsync(Uri app, Creator creator)
    {
        using var http = Client(app, new CookieContainer());
        var checkout = await ExpectAsync(await http.PostAsync($"/c/{creator.Slug}/{creator.ListingId}/buy", new FormUrlEncodedContent([])), HttpStatusCode.SeeOther);
        var next = await ExpectAsync(await http.PostAsync(checkout, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["card_number"] = "4242424242424242", ["email"] = "buyer@example.com",
        })), HttpStatusCode.SeeOther);
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await http.GetAsync(next);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var link = DownloadLink().Match(await response.Content.ReadAsStringAsync());
                return link.Success ? new Uri(app, WebUtility.HtmlDecode(link.Groups[1].Value)) : throw new InvalidOperationException($"{next}: no download link");
            }

            next = await ExpectAsync(response, response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther ? response.StatusCode : HttpStatusCode.Redirect);
        }

        throw new InvalidOperationException("too many redirects after Checkout");
    }

    /// <summary>What the confirmation email's link does, straight in the database (the bench reads no email).</summary>
    private static async Task ConfirmEmailAsync(string databaseFile, string email)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        if (await command.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException($"no account {email} in {databaseFile}");
    }

    private static HttpClient Client(Uri app, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(120) };

    private static async Task<Uri> PostFormAsync(HttpClient http, string formPage, string action, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        fields["__RequestVerificationToken"] = Token(await ReadAsync(http, formPage));
        return await ExpectAsync(await http.PostAsync(action, new FormUrlEncodedContent(fields)), expected);
    }

    private static async Task<string> ReadAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

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

    private static string Token(string html)
    {
        var match = AntiforgeryToken().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("/creator/listings/([0-9]+)/files")]
    private static partial Regex FilesLink();

    [GeneratedRegex("href=\"(/downloads/[^\"]+)\"")]
    private static partial Regex DownloadLink();
}
