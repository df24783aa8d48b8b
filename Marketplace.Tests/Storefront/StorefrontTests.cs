using System.Net;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Storefront;

/// <summary>The public storefront <c>/c/{slug}</c>.</summary>
public sealed class StorefrontTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Storefront_PlanFellToFree_OldestActiveUpToTheLimitShownOthersHiddenNotDeleted()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Shop Owner");
        using var _ = browser;
        await app.MovePlanAsync(creatorId, PlanCodes.Silver);
        for (var i = 1; i <= 6; i++)
        {
            (await browser.CreateListingAsync($"Item {i}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
            await Task.Delay(5);
        }

        var second = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId && l.Title == "Item 2").Select(l => l.Id).SingleAsync());
        await browser.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), $"/creator/listings/{second}/deactivate");
        await app.MovePlanAsync(creatorId, PlanCodes.Free);

        using var visitor = BrowserSession.For(app);
        var response = await visitor.Client.GetAsync($"/c/{slug}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Shop Owner").And.Contain("Item 1").And.Contain("Item 3").And.Contain("Item 4").And.Contain("€12.50");
        html.Should().NotContain("Item 2").And.NotContain("Item 5").And.NotContain("Item 6");
        (await app.ListingCountAsync(creatorId, activeOnly: true)).Should().Be(5, "hidden beyond the limit, never deleted");
    }

    [Fact]
    public async Task Storefront_UnknownSlug_404()
    {
        using var visitor = BrowserSession.For(app);

        var response = await visitor.Client.GetAsync("/c/nobody-here-" + Guid.NewGuid().ToString("N"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Storefront_BannedCreator_404()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Banned Shop");
        using var _ = browser;
        await browser.CreateListingAsync("Item");
        using var visitor = BrowserSession.For(app);
        (await visitor.Client.GetAsync($"/c/{slug}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            (await db.CreatorProfiles.SingleAsync(c => c.Id == creatorId)).Ban();
            return await db.SaveChangesAsync();
        });

        var response = await visitor.Client.GetAsync($"/c/{slug}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
