using System.Net;
using System.Net.Http.Json;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Listings;

/// <summary>
/// Issue 16, item 12: the admin's plan form, the listing form and <c>POST /api/listings</c> read amounts with the one
/// strict parser; every refused amount is the same form with the message (or a 400 ValidationProblem), never a 500.
/// </summary>
public sealed class AmountFormTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _app;

    public AmountFormTests(MarketplaceFactory app) => _app = app;

    [Theory]
    [InlineData("12,50", "no thousands separator")]
    [InlineData("1,2,3,4", "no thousands separator")]
    [InlineData("5e2", "no thousands separator")]
    [InlineData("99999999999", "Stripe&#x27;s maximum charge amount")]
    public async Task CreatePlan_AmbiguousOrHugeAmount_SameFormWithTheMessageNothingStored(string monthly, string message)
    {
        using var admin = await AdminAsync();
        var code = $"P{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        var response = await admin.SubmitFormAsync("/admin/plans/new", PlanForm(code, "eur", monthly));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await _app.WithDbAsync(db => db.Plans.CountAsync(p => p.Code == code))).Should().Be(0);
    }

    [Fact]
    public async Task CreatePlan_FrenchCommaDecimal_StoresCents()
    {
        using var admin = await AdminAsync();
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var code = $"P{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        var response = await admin.SubmitFormAsync("/admin/plans/new", PlanForm(code, "eur", "12,50"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _app.WithDbAsync(db => db.PlanPrices.Where(p => p.Plan!.Code == code).Select(p => p.AmountMinor).SingleAsync())).Should().Be(1250);
    }

    [Fact]
    public async Task CreatePlan_UnknownCurrency_SameFormWithTheMessage()
    {
        using var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync("/admin/plans/new", PlanForm("XYZPLAN", "xyz", "10"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not a currency Stripe charges in");
    }

    [Theory]
    [InlineData("0", "eur", "more than zero")]
    [InlineData("99999999999.00", "eur", "Stripe&#x27;s maximum charge amount")]
    [InlineData("92233720368547758.07", "eur", "Stripe&#x27;s maximum charge amount")]
    [InlineData("10", "xyz", "is not a currency Stripe charges in")]
    [InlineData("12,50", "eur", "no thousands separator")]
    public async Task CreateListing_RefusedPriceOrCurrency_400FormWithTheMessageNothingStored(string price, string currency, string message)
    {
        var (browser, creatorId, _) = await _app.SignedInCreatorAsync();
        using var session = browser;

        var response = await session.CreateListingAsync("Poster", price, currency);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await _app.ListingCountAsync(creatorId)).Should().Be(0);
    }

    [Theory]
    [InlineData("0", "eur", "more than zero")]
    [InlineData("99999999999.00", "eur", "Stripe's maximum charge amount")]
    [InlineData("92233720368547758.07", "eur", "Stripe's maximum charge amount")]
    [InlineData("10", "xyz", "is not a currency Stripe charges in")]
    [InlineData("5e2", "eur", "no thousands separator")]
    public async Task CreateListingJson_RefusedPriceOrCurrency_400ProblemNothingStored(string price, string currency, string message)
    {
        var (browser, creatorId, _) = await _app.SignedInCreatorAsync();
        using var session = browser;

        var response = await session.Client.PostAsJsonAsync("/api/listings", new { title = "Poster", price, currency });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await _app.ListingCountAsync(creatorId)).Should().Be(0);
    }

    private async Task<BrowserSession> AdminAsync()
    {
        var session = BrowserSession.For(_app);
        (await session.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return session;
    }

    private static Dictionary<string, string> PlanForm(string code, string currency, string monthly) => new()
    {
        ["Code"] = code, ["Name"] = "Amounts", ["Description"] = "", ["SortOrder"] = "70", ["TrialDays"] = "0", ["MaxListings"] = "5",
        ["CommissionRateBps"] = "900", ["Currency"] = currency, ["MonthlyAmount"] = monthly, ["YearlyAmount"] = "",
    };
}
