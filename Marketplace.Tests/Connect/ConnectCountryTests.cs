using System.Net;
using Marketplace.Core.Connect;
using Marketplace.StripeGateway;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.Connect;

/// <summary>
/// The creator's country at onboarding on a platform in France (<c>Stripe:PlatformCountry</c> FR, the default): a
/// European country gets its account, another region is told before any Stripe call, and the emulator refuses a
/// destination charge across regions as Stripe does (https://docs.stripe.com/connect/destination-charges).
/// </summary>
public sealed class ConnectCountryTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Onboard_GermanyChosen_CreatesTheAccountInGermanyWithEuroAsDefaultCurrency()
    {
        var (browser, creatorId) = await NewCreatorAsync(app);
        var page = WebUtility.HtmlDecode(await (await browser.Client.GetAsync("/creator/connect")).Content.ReadAsStringAsync());
        page.Should().Contain("<option value=\"DE\">Germany</option>").And.Contain("<option value=\"FR\" selected=\"selected\">France</option>")
            .And.Contain("<option value=\"US\">United States</option>");
        var since = TimeProvider.System.GetUtcNow();

        var toStripe = await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "DE" }, "/creator/connect/onboard");

        toStripe.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var create = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/accounts");
        create.Param("country").Should().Be("DE");
        create.Param("capabilities[transfers][requested]").Should().Be("true");
        var row = await app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == creatorId));
        row.Country.Should().Be("DE");
        row.DefaultCurrency.Should().Be("eur");
    }

    [Fact]
    public async Task Buy_CreatorInGermany_EuroListingPaidByADestinationChargeWithTheShopsStatementSuffix()
    {
        var (browser, creatorId) = await NewCreatorAsync(app);
        (await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "DE" }, "/creator/connect/onboard"))
            .StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var accountId = (await app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == creatorId))).StripeAccountId;
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        await app.WithServiceAsync<ConnectAccountSync, CreatorStripeAccount?>(sync => sync.SyncAsync(accountId, null));
        var form = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/listings/new"));
        form.Should().Contain("<option value=\"eur\" selected=\"selected\">EUR</option>");
        (await browser.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = "Berlin print", ["Description"] = "A print.", ["Price"] = "25.00", ["Currency"] = "eur", ["DeliveryNote"] = "Download link",
        }, "/creator/listings")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var shop = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId)
            .Select(c => new { c.Slug, ListingId = db.Listings.Where(l => l.CreatorProfileId == creatorId).Max(l => l.Id) }).SingleAsync());
        await app.QuiesceAsync();
        var since = TimeProvider.System.GetUtcNow();

        using var buyer = app.Visitor();
        var page = $"/c/{shop.Slug}/{shop.ListingId}";
        (await buyer.SubmitFormAsync(page, new Dictionary<string, string>(), page + "/buy")).StatusCode.Should().Be(HttpStatusCode.SeeOther);

        var session = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions");
        session.Status.Should().Be(200);
        session.Param("payment_intent_data[transfer_data][destination]").Should().Be(accountId);
        session.Param("line_items[0][price_data][currency]").Should().Be("eur");
        session.Param("payment_intent_data[statement_descriptor_suffix]").Should().Be("Country sh");
    }

    [Fact]
    public async Task Onboard_UnitedStatesOnAFrenchPlatform_ToldBeforeAnyStripeCall()
    {
        var (browser, creatorId) = await NewCreatorAsync(app);
        var since = TimeProvider.System.GetUtcNow();

        var refused = await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "US" }, "/creator/connect/onboard");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        page.Should().Contain("This marketplace cannot pay creators in United States: Stripe pays a creator through this marketplace only in the marketplace's own region, Europe (EEA, United Kingdom, Switzerland). Nothing was sent to Stripe.");
        page.Should().Contain("<option value=\"US\" selected=\"selected\">United States</option>", "the form keeps the creator's choice");
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/account", StringComparison.Ordinal));
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.AnyAsync(a => a.CreatorProfileId == creatorId))).Should().BeFalse();
    }

    [Fact]
    public async Task Onboard_UnitedStatesInFrench_RefusedInFrenchWithTheCountryName()
    {
        var (browser, _) = await NewCreatorAsync(app);
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var refused = await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "US" }, "/creator/connect/onboard");

        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync())
            .Should().Contain("Cette place de marché ne peut pas payer les créateurs de ce pays (États-Unis)")
            .And.Contain("<option value=\"DE\">Allemagne</option>");
    }

    [Fact]
    public async Task CreateCheckoutSession_DestinationInAnotherRegion_RefusedByTheEmulatorUnlessOnBehalfOf()
    {
        var creatorId = await app.RegisterCreatorAsync();
        var account = await app.WithServiceAsync<IStripeGateway, Account>(s => s.CreateExpressAccountAsync(creatorId, $"us{creatorId}@example.com", "US"));
        app.Emulator.SetAccountState(app.ApiKey, account.Id, "enabled");
        SessionCreateOptions Session(string? onBehalfOf) => new()
        {
            Mode = "payment",
            LineItems = [new SessionLineItemOptions { Quantity = 1, PriceData = new SessionLineItemPriceDataOptions { Currency = "usd", UnitAmount = 2500, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Poster" } } }],
            PaymentIntentData = new SessionPaymentIntentDataOptions { TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = account.Id }, OnBehalfOf = onBehalfOf },
            SuccessUrl = "https://example.com/ok",
            CancelUrl = "https://example.com/cancel",
        };

        var refused = () => app.Stripe.V1.Checkout.Sessions.CreateAsync(Session(null));

        (await refused.Should().ThrowAsync<StripeException>()).Which.Message.Should().Contain("outside the platform's region");
        (await app.Stripe.V1.Checkout.Sessions.CreateAsync(Session(account.Id))).Id.Should().StartWith("cs_");
    }

    internal static async Task<(BrowserSession Browser, int CreatorId)> NewCreatorAsync(LiveMarketplaceFactory app)
    {
        var browser = app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        (await browser.RegisterCreatorAsync(email, "Country shop")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        return (browser, creatorId);
    }
}

/// <summary>The app with its platform in the United States (<c>Stripe:PlatformCountry</c> US).</summary>
public sealed class UsPlatformFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?> { ["Stripe:PlatformCountry"] = "US" });

/// <summary>
/// A platform in the United States pays creators in the United States only: the list preselects it and a French
/// creator is told before any Stripe call (https://docs.stripe.com/connect/destination-charges).
/// </summary>
public sealed class UsPlatformConnectCountryTests(UsPlatformFactory app) : IClassFixture<UsPlatformFactory>
{
    [Fact]
    public async Task Onboard_UsPlatform_UsCreatorGetsAnAccountAndAFrenchOneIsToldWhy()
    {
        var (american, americanId) = await ConnectCountryTests.NewCreatorAsync(app);
        var page = WebUtility.HtmlDecode(await (await american.Client.GetAsync("/creator/connect")).Content.ReadAsStringAsync());
        page.Should().Contain("<option value=\"US\" selected=\"selected\">United States</option>", "FR, the default country, is not payable from the US");
        var since = TimeProvider.System.GetUtcNow();

        (await american.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "US" }, "/creator/connect/onboard"))
            .StatusCode.Should().Be(HttpStatusCode.SeeOther);
        app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/accounts").Param("country").Should().Be("US");
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == americanId))).DefaultCurrency.Should().Be("usd");

        var (french, _) = await ConnectCountryTests.NewCreatorAsync(app);
        since = TimeProvider.System.GetUtcNow();
        var refused = await french.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "FR" }, "/creator/connect/onboard");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync())
            .Should().Contain("This marketplace cannot pay creators in France: Stripe pays a creator through this marketplace only in the marketplace's own region, United States.");
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/account", StringComparison.Ordinal));
    }
}
