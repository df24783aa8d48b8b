using System.Net;
using Marketplace.Core.Emails;
using Marketplace.Core.Memberships;
using Marketplace.Core.Plans;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Buyers;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Memberships;

/// <summary>
/// Memberships stop charging when someone leaves: a creator or a member deleting their account cancels the membership's
/// Stripe subscription at once, and a month on the emulator's clock bills nothing more. A member is a buyer account or,
/// as in the other membership tests, a creator account (account deletion's other path). Each test has an app of its own,
/// as the emulator's clock is one per app.
/// </summary>
public sealed class MembershipLeavingTests
{
    private const string DeletePage = "/Identity/Account/Manage/DeletePersonalData";

    [Fact]
    public async Task DeletePersonalData_CreatorWithAPayingMember_SubscriptionCanceledNoFurtherInvoiceMemberToldTierArchived()
    {
        await using var app = new LiveMarketplaceFactory();
        using var shop = await app.ShopAsync(PlanCodes.Silver);
        using var member = app.NewBrowser();
        var joined = await JoinedAsync(app, shop, member);
        app.Emulator.MakeBalanceAvailable(app.ApiKey, shop.AccountId);
        app.Emulator.PayOut(app.ApiKey, shop.AccountId); // the member's 5.00 EUR reached the creator's bank: nothing is held

        var response = await shop.Creator.SubmitFormAsync(DeletePage, new Dictionary<string, string> { ["Input.Password"] = "Creator#12345" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        (await app.Stripe.V1.Subscriptions.GetAsync(joined.StripeSubscriptionId)).Status.Should().Be("canceled");
        await NoFurtherInvoiceAsync(app, joined);
        var list = WebUtility.HtmlDecode(await member.Client.GetStringAsync("/memberships"));
        list.Should().Contain("Supporter").And.Contain("Ended").And.Contain("(canceled)");
        var emails = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Kind == EmailKinds.MembershipEndedCreatorLeft).ToListAsync());
        emails.Should().ContainSingle().Which.To.Should().Be(joined.Email);
        (await app.WithDbAsync(db => db.MembershipTiers.AsNoTracking().SingleAsync(t => t.CreatorProfileId == shop.CreatorId))).IsArchived.Should().BeTrue();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeletePersonalData_Member_SubscriptionCanceledNoFurtherInvoiceCreatorCountsNoMember(bool buyerAccount)
    {
        await using var app = new LiveMarketplaceFactory();
        using var shop = await app.ShopAsync(PlanCodes.Silver);
        using var member = app.NewBrowser();
        var joined = await JoinedAsync(app, shop, member, buyerAccount);

        var response = await member.SubmitFormAsync(DeletePage, new Dictionary<string, string>
        {
            ["Input.Password"] = buyerAccount ? BuyerScenarios.Password : "Creator#12345",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        (await app.Stripe.V1.Subscriptions.GetAsync(joined.StripeSubscriptionId)).Status.Should().Be("canceled");
        await NoFurtherInvoiceAsync(app, joined);
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("Members now: 0");
        (await app.WithDbAsync(db => db.MembershipPayments.CountAsync(p => p.MembershipId == joined.Id))).Should().Be(1, "the first payment stays in the creator's sales");
    }

    [Fact]
    public async Task JoinCheckoutPaidAfterTheCreatorDeletedTheAccount_SubscriptionCanceledAtOnce()
    {
        await using var app = new LiveMarketplaceFactory();
        using var shop = await app.ShopAsync(PlanCodes.Silver);
        (await shop.Creator.CreateTierAsync("Supporter", "5.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var tierId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == shop.CreatorId).Select(t => t.Id).SingleAsync());
        using var member = app.NewBrowser();
        await member.RegisterBuyerAsync(BuyerScenarios.NewEmail("m"));
        var join = await member.SubmitFormAsync($"/c/{shop.Slug}", new Dictionary<string, string>(), $"/c/{shop.Slug}/memberships/{tierId}/join");
        join.StatusCode.Should().Be(HttpStatusCode.SeeOther, "the member is on Stripe's Checkout page");
        (await shop.Creator.SubmitFormAsync(DeletePage, new Dictionary<string, string> { ["Input.Password"] = "Creator#12345" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await stripePage.PostAsync(join.Headers.Location, new FormUrlEncodedContent([new("card_number", "4242424242424242")]));

        var ended = await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.MembershipTierId == tierId),
            m => m is { Status: "canceled" }, because: "the late subscription is canceled at once");
        (await app.Stripe.V1.Subscriptions.GetAsync(ended!.StripeSubscriptionId)).Status.Should().Be("canceled");
    }

    /// <summary>
    /// The membership's subscription billed once: a month on the clock adds no invoice, its status in our database is
    /// canceled, and every webhook settled.
    /// </summary>
    private static async Task NoFurtherInvoiceAsync(LiveMarketplaceFactory app, Joined joined)
    {
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        await app.QuiesceAsync();
        var invoices = await app.Stripe.V1.Invoices.ListAsync(new InvoiceListOptions { Subscription = joined.StripeSubscriptionId, Limit = 100 });
        invoices.Data.Should().ContainSingle("no renewal after the cancellation").Which.AmountPaid.Should().Be(500);
        (await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == joined.Id))).Status.Should().Be("canceled");
        (await app.WithDbAsync(db => db.MembershipPayments.CountAsync(p => p.MembershipId == joined.Id))).Should().Be(1);
        (await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status != WebhookEventStatus.Processed && e.Status != WebhookEventStatus.Ignored)))
            .Should().Be(0, "the cancellation's webhooks settle");
    }

    /// <summary>The shop's "Supporter" tier at 5.00 EUR/month; <paramref name="member"/> signs up, joins, pays 4242; the first invoice is recorded.</summary>
    private static async Task<Joined> JoinedAsync(LiveMarketplaceFactory app, Shop shop, BrowserSession member, bool buyerAccount = false)
    {
        (await shop.Creator.CreateTierAsync("Supporter", "5.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var tierId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == shop.CreatorId).Select(t => t.Id).SingleAsync());
        var email = BuyerScenarios.NewEmail("m");
        if (buyerAccount) await member.RegisterBuyerAsync(email);
        else await member.RegisterCreatorAsync(email, "Member");
        var join = await member.SubmitFormAsync($"/c/{shop.Slug}", new Dictionary<string, string>(), $"/c/{shop.Slug}/memberships/{tierId}/join");
        join.StatusCode.Should().Be(HttpStatusCode.SeeOther, await join.Content.ReadAsStringAsync());
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await stripePage.PostAsync(join.Headers.Location, new FormUrlEncodedContent([new("card_number", "4242424242424242")]));
        var active = await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.MembershipTierId == tierId),
            m => m is { Status: "active" }, because: "the membership is active after Checkout");
        await app.EventuallyAsync(db => db.MembershipPayments.CountAsync(p => p.MembershipId == active!.Id), n => n == 1, because: "the first invoice is recorded");
        await app.QuiesceAsync();
        return new Joined(active!.Id, active.StripeSubscriptionId!, email);
    }

    private sealed record Joined(int Id, string StripeSubscriptionId, string Email);
}
