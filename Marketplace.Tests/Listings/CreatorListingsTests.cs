using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Listings;

/// <summary>Listings through the real pipeline (TestServer, SQLite file): form, JSON API, plan limits with HTTP 402.</summary>
public sealed class CreatorListingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Create_PriceInMajorUnits_StoredInMinorUnitsZeroDecimalAware()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;

        var euro = await browser.CreateListingAsync("Poster", "19.99", "EUR");
        var franc = await browser.CreateListingAsync("Basket", "5000", "xaf");
        var page = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/listings"));

        euro.Headers.Location!.OriginalString.Should().Be("/creator/listings");
        franc.Headers.Location!.OriginalString.Should().Be("/creator/listings");
        var stored = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).OrderBy(l => l.Id).ToListAsync());
        stored.Select(l => (l.Title, l.PriceMinor, l.Currency)).Should().Equal(("Poster", 1999L, "eur"), ("Basket", 5000L, "xaf"));
        page.Should().Contain("€19.99").And.Contain("FCFA\u00A05,000").And.Contain("2 active listings of 3 allowed by your plan");
    }

    [Theory]
    [InlineData("19,99", "eur", "no thousands separator")]
    [InlineData("5000.5", "xaf", "XAF has no decimals")]
    [InlineData("1.999", "eur", "EUR has at most 2 decimals")]
    [InlineData("10", "euro", "is not a currency Stripe charges in")]
    [InlineData("-3", "eur", "no thousands separator")]
    public async Task Create_BadPrice_SameFormWithTheMessageAndNothingStored(string price, string currency, string message)
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;

        var response = await browser.CreateListingAsync("Poster", price, currency);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain(message).And.Contain("value=\"Poster\"");
        (await app.ListingCountAsync(creatorId)).Should().Be(0);
    }

    [Fact]
    public async Task Create_OnePastMaxListings_402PageWithUpgradeLinkAndNothingStored()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        for (var i = 1; i <= 3; i++) (await browser.CreateListingAsync($"Item {i}")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var refused = await browser.CreateListingAsync("Item 4");

        refused.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("<a href=\"/creator/subscription/upgrade\">Your Free plan allows 3 listings — upgrade</a>");
        (await app.ListingCountAsync(creatorId)).Should().Be(3);
    }

    [Fact]
    public async Task Create_OnePastBronzeLimitThroughTheJsonApi_402ProblemDetailsAndNothingStored()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await app.MovePlanAsync(creatorId, PlanCodes.Bronze);
        for (var i = 1; i <= 10; i++) (await browser.CreateListingJsonAsync($"Item {i}")).StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await browser.CreateListingJsonAsync("Item 11");
        using var formWithJsonAccept = new HttpRequestMessage(HttpMethod.Post, "/creator/listings");
        var token = System.Text.RegularExpressions.Regex.Match(await browser.Client.GetStringAsync("/creator/listings/new"),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        formWithJsonAccept.Content = new FormUrlEncodedContent([new("Title", "Item 11"), new("Price", "3"), new("Currency", "eur"),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        formWithJsonAccept.Headers.Accept.ParseAdd("application/json");
        var refusedForm = await browser.Client.SendAsync(formWithJsonAccept);

        foreach (var response in new[] { refused, refusedForm })
        {
            response.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("type").GetString().Should().Be("/problems/listing-limit-reached");
            problem.GetProperty("status").GetInt32().Should().Be(402);
            problem.GetProperty("limit").GetInt32().Should().Be(10);
            problem.GetProperty("usage").GetInt32().Should().Be(10);
            problem.GetProperty("detail").GetString().Should().Be("Your Bronze plan allows 10 listings — upgrade");
        }

        (await app.ListingCountAsync(creatorId)).Should().Be(10);
    }

    [Fact]
    public async Task Create_TwelveConcurrentApiCalls_NeverPassTheLimit()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => browser.CreateListingJsonAsync($"Item {i}")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(3);
        responses.Count(r => r.StatusCode == HttpStatusCode.PaymentRequired).Should().Be(9);
        (await app.ListingCountAsync(creatorId)).Should().Be(3);
    }

    [Fact]
    public async Task Reactivate_AtTheLimit_402AndStaysDeactivated()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        for (var i = 1; i <= 3; i++) await browser.CreateListingAsync($"Item {i}");
        var first = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
        (await browser.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), $"/creator/listings/{first}/deactivate")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.CreateListingAsync("Item 4")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var reactivate = await browser.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), $"/creator/listings/{first}/reactivate");

        reactivate.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        WebUtility.HtmlDecode(await reactivate.Content.ReadAsStringAsync()).Should().Contain("Your Free plan allows 3 listings — upgrade");
        (await app.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == first))).IsActive.Should().BeFalse();
        (await app.ListingCountAsync(creatorId, activeOnly: true)).Should().Be(3);
    }

    [Fact]
    public async Task EditDeactivateReactivate_AnotherCreatorsListing_404AndUnchanged()
    {
        var (owner, ownerId, _) = await app.SignedInCreatorAsync("Owner");
        var (other, _, _) = await app.SignedInCreatorAsync("Other");
        using var __ = owner;
        using var ___ = other;
        await owner.CreateListingAsync("Owner's print", "30.00");
        var listingId = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == ownerId).Select(l => l.Id).SingleAsync());

        var edit = await other.Client.GetAsync($"/creator/listings/{listingId}/edit");
        var update = await other.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = "Stolen", ["Price"] = "1", ["Currency"] = "eur",
        }, $"/creator/listings/{listingId}");
        var deactivate = await other.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), $"/creator/listings/{listingId}/deactivate");
        var reactivate = await other.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), $"/creator/listings/{listingId}/reactivate");
        var otherList = await other.Client.GetStringAsync("/creator/listings");

        foreach (var response in new[] { edit, update, deactivate, reactivate }) response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherList.Should().NotContain("Owner");
        var listing = await app.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == listingId));
        (listing.Title, listing.PriceMinor, listing.IsActive).Should().Be(("Owner's print", 3000L, true));
    }

    [Fact]
    public async Task Edit_OwnListing_SavedWithTheNewPrice()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await browser.CreateListingAsync("Mug", "8.00");
        var id = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());

        var form = await browser.Client.GetStringAsync($"/creator/listings/{id}/edit");
        var saved = await browser.SubmitFormAsync($"/creator/listings/{id}/edit", new Dictionary<string, string>
        {
            ["Title"] = "Big mug", ["Description"] = "", ["Price"] = "9.50", ["Currency"] = "eur",
        }, $"/creator/listings/{id}");

        form.Should().Contain("value=\"8.00\"");
        saved.Headers.Location!.OriginalString.Should().Be("/creator/listings");
        var listing = await app.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == id));
        (listing.Title, listing.PriceMinor, listing.Description).Should().Be(("Big mug", 950L, (string?)null));
    }

    [Fact]
    public async Task Api_AnonymousAndAdmin_401And403ProblemDetailsNotALoginRedirect()
    {
        using var anonymous = BrowserSession.For(app);
        using var admin = BrowserSession.For(app);
        await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);

        var anonymousMe = await anonymous.Client.GetAsync("/api/billing/me");
        var anonymousCreate = await anonymous.Client.PostAsJsonAsync("/api/listings", new { title = "x", price = "1", currency = "eur" });
        var adminMe = await admin.Client.GetAsync("/api/billing/me");

        anonymousMe.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymousCreate.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        adminMe.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        adminMe.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task BillingMe_FreeCreatorWithListings_LimitsAndUsage()
    {
        var (browser, _, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await browser.CreateListingAsync("One");
        await browser.CreateListingAsync("Two");

        var json = JsonDocument.Parse(await browser.Client.GetStringAsync("/api/billing/me")).RootElement;

        json.GetProperty("plan").GetString().Should().Be(PlanCodes.Free);
        json.GetProperty("interval").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("status").GetString().Should().Be("active");
        json.GetProperty("limits").GetProperty("listings").GetInt32().Should().Be(3);
        json.GetProperty("usage").GetProperty("listings").GetInt32().Should().Be(2);
    }
}
