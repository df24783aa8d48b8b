using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Memberships;

/// <summary>
/// The membership figures creators and admins read, from real joins through the emulator: members, monthly recurring
/// revenue, new and churned members in 30 days on <c>/creator</c> and <c>/creator/sales</c>; members' MRR and the
/// application fees of membership payments on <c>/admin</c>.
/// </summary>
public sealed class MembershipNumbersTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task CreatorAndAdminPages_TwoJoinThenOneLeaves_MembersMrrNewChurnedAndFees()
    {
        // Arrange: a Silver shop (10 %) with "Supporter" at 5.00 EUR/month.
        using var shop = await app.ShopAsync(PlanCodes.Silver);
        (await shop.Creator.CreateTierAsync("Supporter", "5.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var tierId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == shop.CreatorId).Select(t => t.Id).SingleAsync());
        var homeBefore = await shop.Creator.Client.GetStringAsync("/creator");

        // Act 1: two members join and pay.
        using var first = await JoinAsync(shop, tierId);
        using var second = await JoinAsync(shop, tierId);
        var home = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator"));
        var sales = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin"));

        // Assert 1: 2 members, 10.00 a month, 2 new, none gone; the admin sees 10.00 of members' MRR and 1.00 of fees on 2 payments.
        homeBefore.Should().NotContain("data-testid=\"membership-numbers\"", "a creator who never had a member sees no member figures");
        Row(home).Should().Be("EUR|2|€10.00|2|0");
        Row(sales).Should().Be("EUR|2|€10.00|2|0");
        home.Should().Contain("a yearly price as a twelfth of it, rounded down");
        dashboard.Should().Contain("data-figure=\"members-mrr-eur\">Members' MRR <strong>€10.00</strong> · 2 member(s)");
        dashboard.Should().Contain("data-figure=\"membership-fees-eur\">Fees <strong>€1.00</strong> · 2 payment(s) of €10.00");

        // Act 2: the first member cancels in the Billing Portal; the period ends on the clock.
        var manage = await first.SubmitFormAsync("/memberships", new Dictionary<string, string>(), $"/memberships/{MembershipIdOf(first)}/manage");
        manage.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var firstMembership = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == MembershipIdOf(first)));
        (await stripePage.PostAsync(manage.Headers.Location, new FormUrlEncodedContent([new("action", "cancel"), new("subscription", firstMembership.StripeSubscriptionId!)])))
            .StatusCode.Should().Be(HttpStatusCode.SeeOther);
        await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == firstMembership.Id), m => m.CancelAtPeriodEnd, because: "the cancel reaches us");
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == firstMembership.Id), m => m.Status == "canceled", because: "the period ended");
        var homeAfter = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator"));

        // Assert 2: one member left, 5.00 a month, still 2 new in 30 days, 1 churned.
        Row(homeAfter).Should().Be("EUR|1|€5.00|2|1");
    }

    private readonly Dictionary<BrowserSession, int> _memberships = [];

    private int MembershipIdOf(BrowserSession member) => _memberships[member];

    // A new signed-in user joins the tier from the shop page and pays 4242 on Checkout; returns once the membership is active.
    private async Task<BrowserSession> JoinAsync(Shop shop, int tierId)
    {
        var member = app.NewBrowser();
        await member.RegisterCreatorAsync($"m{Guid.NewGuid():N}@example.com", "Member");
        var join = await member.SubmitFormAsync($"/c/{shop.Slug}", new Dictionary<string, string>(), $"/c/{shop.Slug}/memberships/{tierId}/join");
        join.StatusCode.Should().Be(HttpStatusCode.SeeOther, await join.Content.ReadAsStringAsync());
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        ((int)(await stripePage.PostAsync(join.Headers.Location, new FormUrlEncodedContent([new("card_number", "4242424242424242")]))).StatusCode).Should().Be(303);
        var membershipIds = await app.WithDbAsync(db => db.Memberships.Where(m => m.MembershipTierId == tierId).Select(m => m.Id).ToListAsync());
        var id = membershipIds.Except(_memberships.Values).Single();
        _memberships[member] = id;
        await app.EventuallyAsync(db => db.MembershipPayments.CountAsync(p => p.MembershipId == id), n => n == 1, because: "the first invoice is recorded");
        await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id), m => m.Status == "active", because: "the membership is active");
        return member;
    }

    // The EUR row of the member figures: "currency|members|MRR|new|churned" as shown.
    private static string Row(string page)
    {
        var row = Regex.Match(page, "<tr data-testid=\"membership-numbers-eur\">(.*?)</tr>", RegexOptions.Singleline);
        row.Success.Should().BeTrue("the page shows the EUR member figures");
        return string.Join('|', Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>").Select(m => m.Groups[1].Value.Trim()));
    }
}
