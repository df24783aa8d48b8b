using System.Net;
using Marketplace.Core.Listings;
using Marketplace.Tests.Creators;
using Marketplace.Tests.Orders;
using static Marketplace.Tests.Search.SearchScenarios;

namespace Marketplace.Tests.Search;

/// <summary>
/// <c>/search</c> as a visitor uses it: words of a description with accents folded, ranking, category and price
/// filters, listings a visitor cannot buy never found, FTS and SQL syntax typed as words. On SQLite's FTS5 index here;
/// on PostgreSQL's <c>tsvector</c> in <c>Marketplace.SystemTests/Postgres/SearchPostgresTests</c>.
/// </summary>
public abstract class SearchTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : OrdersFactory
{
    [Fact]
    public async Task Search_WordOfTheDescriptionWithoutItsAccentsAndInCapitals_FindsTheListing()
    {
        var word = UniqueWord();
        using var shop = await app.ShopAsync();
        var id = await app.AddListingAsync(shop, "Lighthouse print", $"Une vue du **château** de Brest, {word}, imprimée à la main.");
        using var visitor = app.Visitor();

        var html = await visitor.Client.GetStringAsync($"/search?q=CHATEAU+{word}");

        ResultIds(html).Should().Equal(id);
        WebUtility.HtmlDecode(html).Should().Contain("Lighthouse print").And.Contain("Poster Shop");
    }

    [Fact]
    public async Task Search_WordInOneTitleAndInAnotherDescription_TitleMatchFirst()
    {
        var word = UniqueWord();
        using var shop = await app.ShopAsync();
        var inTitle = await app.AddListingAsync(shop, $"Poster {word}");
        var inDescription = await app.AddListingAsync(shop, "Another poster", $"Goes well with the {word} poster and many other prints of the same series.");
        using var visitor = app.Visitor();

        var html = await visitor.Client.GetStringAsync($"/search?q={word}");

        ResultIds(html).Should().Equal(inTitle, inDescription); // the newer one would come first on a tie
    }

    [Fact]
    public async Task Search_TagWithCategoryAndMaximumPrice_OnlyTheListingInThatCategoryAndRange()
    {
        var tag = UniqueWord("tag");
        using var shop = await app.ShopAsync();
        var cheapMusic = await app.AddListingAsync(shop, "Loop pack", category: "music", price: "10.00", tags: $"{tag}, Samples");
        await app.AddListingAsync(shop, "Loop poster", category: "art", price: "10.00", tags: tag);
        await app.AddListingAsync(shop, "Big loop pack", category: "music", price: "50.00", tags: tag);
        await app.AddListingAsync(shop, "Loop pack in dollars", category: "music", price: "10.00", currency: "usd", tags: tag);
        using var visitor = app.Visitor();

        ResultIds(await visitor.Client.GetStringAsync($"/search?q={tag}")).Should().HaveCount(4);
        ResultIds(await visitor.Client.GetStringAsync($"/search?q={tag}&category=music&max=20&currency=eur")).Should().Equal(cheapMusic);
        ResultIds(await visitor.Client.GetStringAsync($"/search?q={tag}&min=20")).Should().HaveCount(1, "a range in EUR leaves out the USD listing and the cheap ones");
    }

    [Fact]
    public async Task Search_DeactivatedListingAndSuspendedShop_NotFound()
    {
        var word = UniqueWord();
        using var shop = await app.ShopAsync();
        var deactivated = await app.AddListingAsync(shop, $"Old {word}");
        var kept = await app.AddListingAsync(shop, $"Kept {word}");
        await app.WithServiceAsync<CreatorListings, ListingResult>(l => l.DeactivateAsync(shop.CreatorId, deactivated));
        using var visitor = app.Visitor();
        ResultIds(await visitor.Client.GetStringAsync($"/search?q={word}")).Should().Equal(kept);

        await app.WithDbAsync(async db =>
        {
            (await db.CreatorProfiles.FindAsync(shop.CreatorId))!.Suspend();
            return await db.SaveChangesAsync();
        });

        ResultIds(await visitor.Client.GetStringAsync($"/search?q={word}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Search_RenamedShop_FoundByItsNewName()
    {
        var word = UniqueWord();
        using var shop = await app.ShopAsync();
        (await shop.Creator.SaveShopAsync(shop.Slug, name: $"Atelier {word}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var visitor = app.Visitor();

        ResultIds(await visitor.Client.GetStringAsync($"/search?q=atelier+{word}")).Should().Equal(shop.ListingId);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(poster lighthouse, 2)")]
    [InlineData("poster OR")]
    [InlineData("title:poster")]
    [InlineData("^poster -print + (")]
    [InlineData("'; DROP TABLE \"Listings\"; --")]
    [InlineData("%_\\[]")]
    public async Task Search_FtsOrSqlSyntax_AnswersThePageWithoutError(string query)
    {
        using var visitor = app.Visitor();

        var response = await visitor.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query) + "&min=abc&page=-4");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("data-testid=\"search-results\"").And.Contain("data-testid=\"search-error\"");
    }

    [Fact]
    public async Task Search_VeryLongQueryWithTheWordInQuotesAndAStar_FindsTheListing()
    {
        var word = UniqueWord();
        using var shop = await app.ShopAsync();
        var id = await app.AddListingAsync(shop, $"Poster {word}");
        using var visitor = app.Visitor();

        var html = await visitor.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString($"\"{word}\"* " + string.Concat(Enumerable.Repeat("\"*() ^ - ", 300))));

        ResultIds(html).Should().Equal(id);
    }
}

/// <summary>The search on SQLite (FTS5).</summary>
public sealed class SearchTests(OrdersFactory app) : SearchTests<OrdersFactory>(app);
