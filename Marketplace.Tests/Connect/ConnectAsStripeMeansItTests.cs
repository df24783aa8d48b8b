using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Connect;

/// <summary>
/// Connect as Stripe means it, on the live app with the emulator: the account is created with Stripe's controller
/// properties and the transfers capability (https://docs.stripe.com/connect/migrate-to-controller-properties), and a
/// requirement Stripe asks for by a future deadline lets the shop sell until the deadline passes
/// (https://docs.stripe.com/connect/handling-api-verification).
/// </summary>
public sealed class ConnectAsStripeMeansItTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Onboard_NewCreator_CreatesAccountWithControllerPropertiesTransfersAndCountry()
    {
        using var browser = app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        (await browser.RegisterCreatorAsync(email, "Controller shop")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        var since = TimeProvider.System.GetUtcNow();

        var toStripe = await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/onboard");

        toStripe.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var create = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/accounts");
        create.Status.Should().Be(200);
        create.Param("metadata[creator_id]").Should().Be(creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        create.Param("type").Should().BeNull("controller properties replace type=express");
        create.Param("controller[stripe_dashboard][type]").Should().Be("express");
        create.Param("controller[fees][payer]").Should().Be("application");
        create.Param("controller[losses][payments]").Should().Be("application");
        create.Param("controller[requirement_collection]").Should().Be("stripe");
        create.Param("capabilities[transfers][requested]").Should().Be("true");
        create.Param("country").Should().Be("FR");
    }

    [Fact]
    public async Task Buy_RequirementDueByFutureDeadline_SellsUntilTheClockPassesItThenRefusedWithTheReason()
    {
        using var shop = await app.ShopAsync();
        var account = await app.WithServiceAsync<StripeGateway.IStripeGateway, Stripe.Account>(s => s.GetAccountAsync(shop.AccountId));
        var deadline = account.Created.AddDays(10);
        app.Emulator.AddRequirements(app.ApiKey, shop.AccountId, ["individual.verification.document"], new DateTimeOffset(deadline, TimeSpan.Zero).ToUnixTimeSeconds());
        await SyncAsync(shop.AccountId);

        using (var visitor = app.Visitor())
            (await visitor.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther, "a requirement before its deadline does not stop sales");
        var page = WebUtility.HtmlDecode(await (await shop.Creator.Client.GetAsync("/creator/connect")).Content.ReadAsStringAsync());
        page.Should().Contain($"Stripe needs the following by {deadline:yyyy-MM-dd} (UTC), or payments stop:")
            .And.Contain("A photo of your identity document").And.Contain("Give Stripe what it needs");
        page.Should().Contain("data-testid=\"eligible\">Yes<");
        page.Should().NotContain("requirements-deadline-banner", "the Connect page lists the requirements itself");
        foreach (var creatorPage in new[] { "/creator", "/creator/listings", "/creator/sales" })
            WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync(creatorPage)).Should()
                .Contain($"Stripe needs more information about your account by {deadline:yyyy-MM-dd} (UTC), or payments stop.", creatorPage)
                .And.Contain("href=\"/creator/connect\">See what Stripe needs", creatorPage);

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(11));
        await SyncAsync(shop.AccountId);

        using var late = app.Visitor();
        var refused = await late.BuyAsync(shop);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("This shop cannot take payments right now");
        (await shop.Creator.Client.GetStringAsync("/creator/listings")).Should().NotContain("requirements-deadline-banner", "past the deadline the guard's own reason is shown instead");
        await using var scope = app.Services.CreateAsyncScope();
        var guard = await scope.ServiceProvider.GetRequiredService<PaymentEligibility>().CanCreatorReceivePayments(shop.CreatorId);
        guard.UnmetCodes.Should().Contain([PaymentEligibilityCodes.OnboardingIncomplete, PaymentEligibilityCodes.TransfersInactive]);
        guard.UnmetConditions.Single(c => c.Code == PaymentEligibilityCodes.OnboardingIncomplete).Message.Should().Be("Stripe still needs 1 item(s) from you.");
    }

    /// <summary>Reads the account from Stripe as the <c>account.updated</c> handler does (the webhook may come later).</summary>
    private Task SyncAsync(string accountId) =>
        app.WithServiceAsync<ConnectAccountSync, CreatorStripeAccount?>(sync => sync.SyncAsync(accountId, null));
}
