using System.Net;
using Marketplace.Core.Accounts;
using Marketplace.Core.Orders;
using Marketplace.Tests.Emails;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Buyers;

/// <summary>
/// Buyer accounts through the pages: sign up without a shop, purchases, creator pages closed, "Start selling" opens a
/// shop on the same account, and confirming the email brings the guest orders paid with it.
/// </summary>
public sealed class BuyerAccountTests(BuyersFactory app) : IClassFixture<BuyersFactory>
{
    [Fact]
    public async Task RegisterBuyer_NoShopName_SignedInOnPurchasesWithoutAShopAndCreatorPagesForbidden()
    {
        using var buyer = app.NewBrowser();
        var email = BuyerScenarios.NewEmail();

        var registered = await buyer.RegisterBuyerAsync(email);
        var purchases = await buyer.Client.GetStringAsync("/purchases");

        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        registered.Headers.Location!.ToString().Should().Be("/purchases");
        purchases.Should().Contain("Your purchases").And.Contain("href=\"/start-selling\"");
        foreach (var creatorPage in new[] { "/creator", "/creator/listings", "/creator/sales", "/creator/shop", "/creator/subscription" })
            (await buyer.Client.GetAsync(creatorPage)).StatusCode.Should().Be(HttpStatusCode.Forbidden, creatorPage);
        (await app.WithDbAsync(db => db.CreatorProfiles.CountAsync(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)))).Should().Be(0);
        (await app.WithDbAsync(db => db.UserRoles.CountAsync(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email)
            && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Buyer)))).Should().Be(1);
    }

    [Fact]
    public async Task StartSelling_BuyerWithAPurchase_BecomesACreatorOnFreeAndKeepsThePurchase()
    {
        using var shop = await app.ShopAsync(title: "Carnet A5");
        using var buyer = app.NewBrowser();
        var email = BuyerScenarios.NewEmail();
        await buyer.RegisterBuyerAsync(email);
        var back = await OrderScenarios.PayAsync((await buyer.BuyAsync(shop)).Headers.Location!, email: email);
        (await buyer.Client.GetAsync(back)).StatusCode.Should().Be(HttpStatusCode.SeeOther);

        var opened = await buyer.SubmitFormAsync("/start-selling", new Dictionary<string, string> { ["ShopName"] = "Atelier Neuf" });
        var listings = await buyer.Client.GetAsync("/creator/listings");
        var purchases = await buyer.Client.GetStringAsync("/purchases");

        opened.StatusCode.Should().Be(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        opened.Headers.Location!.ToString().Should().Be("/creator/subscription/upgrade");
        listings.StatusCode.Should().Be(HttpStatusCode.OK, "the new role counts at once, without signing in again");
        purchases.Should().Contain("Carnet A5").And.NotContain("href=\"/start-selling\"");
        var profile = await app.WithDbAsync(db => db.CreatorProfiles.Include(c => c.Subscription!.Plan)
            .SingleAsync(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)));
        profile.DisplayName.Should().Be("Atelier Neuf");
        profile.Subscription!.Plan!.Code.Should().Be(Core.Plans.PlanCodes.Free);
        (await buyer.Client.GetAsync("/start-selling")).Headers.Location!.ToString().Should().Be("/creator", "one shop per account");
    }

    [Fact]
    public async Task StartSelling_EmptyShopName_SamePageWithTheMessageAndNoShop()
    {
        using var buyer = app.NewBrowser();
        var email = BuyerScenarios.NewEmail();
        await buyer.RegisterBuyerAsync(email);

        var refused = await buyer.SubmitFormAsync("/start-selling", new Dictionary<string, string> { ["ShopName"] = " " });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"start-selling-form\"").And.Contain("Shop name");
        (await buyer.Client.GetAsync("/creator/listings")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ConfirmEmail_GuestOrdersPaidWithThatEmail_JoinThePurchasesOthersDoNot()
    {
        using var shop = await app.ShopAsync(title: "Affiche Lune");
        var email = BuyerScenarios.NewEmail("guest");
        await app.PaidOrderAsync(shop, email: email.ToUpperInvariant());
        var someoneElse = await app.PaidOrderAsync(shop, email: BuyerScenarios.NewEmail("other"));
        using var buyer = app.NewBrowser();
        await buyer.SubmitBuyerSignUpAsync(email);
        var unconfirmed = await buyer.LoginAsync(email, BuyerScenarios.Password);

        var confirm = await app.Smtp.WaitForAsync(email, m => m.Subject == "Confirm your email address");
        var link = BillingEmailTests.Links(confirm.TextBody!).Single(l => l.Contains("/Identity/Account/ConfirmEmail?", StringComparison.Ordinal));
        var confirmed = await buyer.Client.GetStringAsync(link);
        var signedIn = await buyer.LoginAsync(email, BuyerScenarios.Password);
        var after = await buyer.Client.GetStringAsync("/purchases");

        unconfirmed.StatusCode.Should().Be(HttpStatusCode.OK, "an unconfirmed address does not sign in");
        (await unconfirmed.Content.ReadAsStringAsync()).Should().Contain("Confirm your email address first");
        confirmed.Should().Contain("1 earlier orders made with this address are now in your purchases.");
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Should().Contain("Affiche Lune");
        (await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == someoneElse.Id))).BuyerUserId.Should().BeNull();
    }
}
