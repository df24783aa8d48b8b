using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Connect;

/// <summary>
/// A new listing is priced by default in the creator's Connect account's <c>default_currency</c>, chosen from the
/// currencies Stripe settles for the account's country (https://docs.stripe.com/payouts#supported-accounts-and-settlement-currencies).
/// </summary>
public sealed class ListingCurrencyTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task New_AccountInTheUnitedKingdom_PoundsPreselectedAmongWhatStripeSettles()
    {
        var (browser, creatorId) = await ConnectCountryTests.NewCreatorAsync(app);
        await ConnectedAsync(creatorId, "GB");

        var page = WebUtility.HtmlDecode(await (await browser.Client.GetAsync("/creator/listings/new")).Content.ReadAsStringAsync());

        page.Should().Contain("<select class=\"form-select\" id=\"Currency\" name=\"Currency\" required>")
            .And.Contain("<option value=\"gbp\" selected=\"selected\">GBP</option>")
            .And.Contain("<option value=\"eur\">EUR</option>").And.Contain("<option value=\"usd\">USD</option>")
            .And.NotContain("<option value=\"jpy\"");
    }

    [Fact]
    public async Task New_NoAccountYet_ThePlatformCountrysCurrency()
    {
        var (browser, _) = await ConnectCountryTests.NewCreatorAsync(app);

        var page = WebUtility.HtmlDecode(await (await browser.Client.GetAsync("/creator/listings/new")).Content.ReadAsStringAsync());

        page.Should().Contain("<option value=\"eur\" selected=\"selected\">EUR</option>");
    }

    [Fact]
    public async Task Edit_ListingPricedInAnotherCurrency_KeepsItSelected()
    {
        var (browser, creatorId) = await ConnectCountryTests.NewCreatorAsync(app);
        await ConnectedAsync(creatorId, "DE");
        var listingId = await app.StoreListingAsync(creatorId, "Old print", 5000, "xaf");

        var page = WebUtility.HtmlDecode(await (await browser.Client.GetAsync($"/creator/listings/{listingId}/edit")).Content.ReadAsStringAsync());

        page.Should().Contain("<option value=\"xaf\" selected=\"selected\">XAF</option>").And.Contain("<option value=\"eur\">EUR</option>");
    }

    /// <summary>Creates the creator's account in <paramref name="country"/> and reads it back as the onboarding return does.</summary>
    private async Task ConnectedAsync(int creatorId, string country)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IStripeGateway>().CreateExpressAccountAsync(creatorId, $"c{creatorId}@example.com", country);
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        db.CreatorStripeAccounts.Add(new CreatorStripeAccount(creatorId, account.Id));
        await db.SaveChangesAsync();
        (await scope.ServiceProvider.GetRequiredService<ConnectAccountSync>().SyncAsync(account.Id, null))!.DefaultCurrency.Should().NotBeNull();
    }
}
