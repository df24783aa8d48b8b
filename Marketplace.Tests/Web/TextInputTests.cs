using System.Net;
using System.Net.Http.Json;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Web;

/// <summary>
/// Issue 16, item 13: a NUL byte in a JSON listing title, a bidi override in a shop name or a listing title is refused
/// with the message (a 400 ValidationProblem, the same form), and nothing is stored.
/// </summary>
public sealed class TextInputTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _app;

    public TextInputTests(MarketplaceFactory app) => _app = app;

    [Fact]
    public async Task CreateListingJson_NulInTitle_400ProblemNothingStored()
    {
        var (browser, creatorId, _) = await _app.SignedInCreatorAsync();
        using var session = browser;

        var response = await session.Client.PostAsJsonAsync("/api/listings", new { title = "Poster\0A2", price = "12.50", currency = "eur" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("cannot contain control characters");
        (await _app.ListingCountAsync(creatorId)).Should().Be(0);
    }

    [Fact]
    public async Task CreateListing_BidiOverrideInTitle_400FormWithTheMessage()
    {
        var (browser, creatorId, _) = await _app.SignedInCreatorAsync();
        using var session = browser;

        var response = await session.CreateListingAsync("Poster \u202E2A");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("cannot contain right-to-left or left-to-right override characters");
        (await _app.ListingCountAsync(creatorId)).Should().Be(0);
    }

    [Fact]
    public async Task CreateListing_MultiLineDescription_Stored()
    {
        var (browser, creatorId, _) = await _app.SignedInCreatorAsync();
        using var session = browser;

        var response = await session.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = "Poster", ["Description"] = "Line one\r\n\tLine two", ["Price"] = "12.50", ["Currency"] = "eur",
        }, "/creator/listings");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Description).SingleAsync())).Should().Be("Line one\r\n\tLine two");
    }

    [Fact]
    public async Task Register_BidiOverrideInShopName_SameFormWithTheMessageNoAccount()
    {
        using var browser = BrowserSession.For(_app);
        var email = $"t{Guid.NewGuid():N}@example.com";

        var response = await browser.RegisterCreatorAsync(email, "Shop \u202Egpj.exe");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("The shop name cannot contain right-to-left or left-to-right override characters");
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).Should().Be(0);
    }

    [Fact]
    public async Task Register_BidiOverrideInShopNameInFrench_MessageInFrench()
    {
        using var browser = BrowserSession.For(_app);
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var email = $"t{Guid.NewGuid():N}@example.com";

        var response = await browser.RegisterCreatorAsync(email, "Shop \u202Egpj.exe");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should()
            .Contain("Le nom de la boutique ne peut pas contenir de caractères de forçage de sens d’écriture");
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).Should().Be(0);
    }
}
