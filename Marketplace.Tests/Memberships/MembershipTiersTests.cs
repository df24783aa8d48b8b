using System.Net;
using Marketplace.Core.Plans;
using Marketplace.Core.PriceSync;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Memberships;

/// <summary>
/// Membership tiers at <c>/creator/memberships</c> through the real pipeline (TestServer, SQLite file, the Stripe emulator):
/// the form, the plan's tier limit with HTTP 402, and the tier's Product and Price synced to Stripe as the job does.
/// </summary>
public sealed class MembershipTiersTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Create_SilverCreatorSupporterAt5Eur_ListedWithItsPriceAndStoredInMinorUnits()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await app.MovePlanAsync(creatorId, PlanCodes.Silver);

        var created = await browser.CreateTierAsync("Supporter", "5.00");
        var page = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/memberships"));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        created.Headers.Location!.OriginalString.Should().Be("/creator/memberships");
        var tier = await app.WithDbAsync(db => db.MembershipTiers.SingleAsync(t => t.CreatorProfileId == creatorId));
        (tier.Name, tier.MonthlyAmountMinor, tier.Currency, tier.IsVisible).Should().Be(("Supporter", 500L, "eur", true));
        page.Should().Contain("Supporter").And.Contain("€5.00").And.Contain("1 tiers of 3 allowed by your plan");
    }

    [Fact]
    public async Task Create_FreePlanAllowsNoTier_402PageWithUpgradeLinkAndNothingStored()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;

        var refused = await browser.CreateTierAsync("Supporter", "5.00");

        refused.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("<a href=\"/creator/subscription/upgrade\">Your Free plan allows 0 membership tiers — upgrade</a>");
        (await app.WithDbAsync(db => db.MembershipTiers.CountAsync(t => t.CreatorProfileId == creatorId))).Should().Be(0);
    }

    [Fact]
    public async Task Create_OnePastBronzeLimit_402AndArchivingMakesRoom()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await app.MovePlanAsync(creatorId, PlanCodes.Bronze);
        (await browser.CreateTierAsync("Supporter", "5.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var refused = await browser.CreateTierAsync("Patron", "20.00");
        var firstId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == creatorId).Select(t => t.Id).SingleAsync());
        var archived = await browser.SubmitFormAsync("/creator/memberships", new Dictionary<string, string>(), $"/creator/memberships/{firstId}/archive");
        var accepted = await browser.CreateTierAsync("Patron", "20.00");

        refused.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        archived.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/memberships"));
        page.Should().Contain("Patron").And.NotContain("Supporter");
    }

    [Theory]
    [InlineData("abc", "eur", "Supporter", "no thousands separator")]
    [InlineData("5.00", "euro", "Supporter", "is not a currency Stripe charges in")]
    [InlineData("0.10", "eur", "Supporter", "Stripe's minimum charge in EUR")]
    [InlineData("5.00", "eur", "", "A tier name is required.")]
    public async Task Create_BadInput_SameFormWithTheMessageAndNothingStored(string price, string currency, string name, string message)
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await app.MovePlanAsync(creatorId, PlanCodes.Silver);

        var response = await browser.CreateTierAsync(name, price, currency);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain(message).And.Contain($"value=\"{price}\"");
        (await app.WithDbAsync(db => db.MembershipTiers.CountAsync(t => t.CreatorProfileId == creatorId))).Should().Be(0);
    }

    [Fact]
    public async Task Edit_AnotherCreatorsTier_404AndUnchanged()
    {
        var (owner, ownerId, _) = await app.SignedInCreatorAsync();
        var (other, _, _) = await app.SignedInCreatorAsync("Other");
        using var _1 = owner;
        using var _2 = other;
        await app.MovePlanAsync(ownerId, PlanCodes.Silver);
        await owner.CreateTierAsync("Supporter", "5.00");
        var tierId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == ownerId).Select(t => t.Id).SingleAsync());

        var page = await other.Client.GetAsync($"/creator/memberships/{tierId}/edit");

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PriceSync_ThenAmountChanged_OnePlatformPriceReusedThenANewOneHoldsTheLookupKeyAndTheOldIsArchived()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        await app.MovePlanAsync(creatorId, PlanCodes.Silver);
        await browser.CreateTierAsync("Supporter", "5.00");
        var tierId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == creatorId).Select(t => t.Id).SingleAsync());
        var stripe = app.Services.GetRequiredService<StripeClient>();

        var first = await SyncAsync(tierId);
        var again = await SyncAsync(tierId);
        var edited = await browser.SubmitFormAsync($"/creator/memberships/{tierId}/edit", TierFields("Supporter", "6.00", "eur"), $"/creator/memberships/{tierId}");
        var second = await SyncAsync(tierId);

        var firstPrice = await stripe.V1.Prices.GetAsync(first, new PriceGetOptions { Expand = ["product"] });
        var secondPrice = await stripe.V1.Prices.GetAsync(second);
        var byKey = await stripe.V1.Prices.ListAsync(new PriceListOptions { LookupKeys = [$"membership_tier_{tierId}_month"] });
        again.Should().Be(first);
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (firstPrice.UnitAmount, firstPrice.Currency, firstPrice.Recurring.Interval).Should().Be((500L, "eur", "month"));
        firstPrice.Product.Name.Should().Be("Supporter");
        firstPrice.Product.Metadata["membership_tier_id"].Should().Be(tierId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        firstPrice.Active.Should().BeFalse("a new amount archives the old Price");
        second.Should().NotBe(first);
        (secondPrice.UnitAmount, secondPrice.ProductId, secondPrice.Active).Should().Be((600L, firstPrice.ProductId, true));
        byKey.Data.Select(p => p.Id).Should().Equal(second);
        (await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.Id == tierId).Select(t => t.StripePriceId).SingleAsync())).Should().Be(second);
    }

    private async Task<string> SyncAsync(int tierId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MembershipTierPriceSync>().SyncAsync(tierId))!;
    }

    private static Dictionary<string, string> TierFields(string name, string price, string currency) => new()
    {
        ["Name"] = name, ["Description"] = "**Thank you!**", ["Benefits"] = "Early access", ["MonthlyPrice"] = price,
        ["Currency"] = currency, ["MemberLimit"] = "", ["IsVisible"] = "true",
    };

    /// <summary>Only for this class: the tier form's fields.</summary>
    internal static Dictionary<string, string> Fields(string name, string price, string currency) => TierFields(name, price, currency);
}

/// <summary>Membership tier scenarios through the creator's pages.</summary>
public static class MembershipTierScenarios
{
    /// <summary>Submits the new tier form.</summary>
    public static Task<HttpResponseMessage> CreateTierAsync(this BrowserSession browser, string name, string price, string currency = "eur") =>
        browser.SubmitFormAsync("/creator/memberships/new", MembershipTiersTests.Fields(name, price, currency), "/creator/memberships");
}
