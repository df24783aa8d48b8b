using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Search;

/// <summary>Listings made through the listing form, and the search page read as a visitor sees it.</summary>
public static class SearchScenarios
{
    /// <summary>A word no other test uses (letters and digits only).</summary>
    public static string UniqueWord(string prefix = "w") => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Adds a listing to the shop through the form (category by slug, tags as typed); returns its id.</summary>
    public static async Task<int> AddListingAsync(this LiveMarketplaceFactory app, Shop shop, string title, string description = "Printed on heavy paper.",
        string price = "25.00", string currency = "eur", string? category = null, string tags = "")
    {
        var categoryId = category is null ? "" : (await app.WithDbAsync(db => db.Categories.Where(c => c.Slug == category).Select(c => c.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await shop.Creator.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Description"] = description, ["Price"] = price, ["Currency"] = currency, ["DeliveryNote"] = "Thanks",
            ["CategoryId"] = categoryId, ["Tags"] = tags,
        }, "/creator/listings");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == shop.CreatorId && l.Title == title).Select(l => l.Id).SingleAsync());
    }

    /// <summary>The listing ids of the result cards, in the order shown.</summary>
    public static List<int> ResultIds(string html)
    {
        var start = html.IndexOf("data-testid=\"search-results\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the search page always has its results section");
        return [.. System.Text.RegularExpressions.Regex.Matches(html[start..], "data-listing-id=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
