using System.Net;
using Marketplace.Core.Memberships;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Memberships;

/// <summary>
/// Issue 28's first slice end to end, as users meet it: the live app (Kestrel, Hangfire, SQLite) and the emulator
/// delivering signed webhooks. A Silver creator (10 %) offers "Supporter" at 5.00 EUR/month; a signed-in user joins from
/// the shop page and pays on Checkout; each monthly invoice is a destination charge (transfer to the creator, 10 % fee)
/// recorded as a membership payment; the member reads the members-only post, cancels in the Billing Portal and loses access (the post too) at the period end.
/// </summary>
public sealed class MembershipLifecycleTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task JoinPayRenewCancel_SilverSupporterAt5Eur_TwoPaymentsWith10PercentFeeThenAccessEndsAtPeriodEnd()
    {
        // Arrange: a Silver shop with its "Supporter" tier; a signed-in member.
        using var shop = await app.ShopAsync(PlanCodes.Silver);
        (await shop.Creator.CreateTierAsync("Supporter", "5.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var tierId = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == shop.CreatorId).Select(t => t.Id).SingleAsync());
        (await shop.Creator.PublishPostAsync("For supporters", "Thank you for the *support*.", "members")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var postPage = $"/c/{shop.Slug}/posts/{await app.WithDbAsync(db => db.MembershipPosts.Where(p => p.CreatorProfileId == shop.CreatorId).Select(p => p.Id).SingleAsync())}";
        using var member = app.NewBrowser();
        await member.RegisterCreatorAsync($"m{Guid.NewGuid():N}@example.com", "Member");
        var storefront = WebUtility.HtmlDecode(await member.Client.GetStringAsync($"/c/{shop.Slug}"));

        // Act 1: Join from the shop page, pay 4242 on Checkout.
        var join = await member.SubmitFormAsync($"/c/{shop.Slug}", new Dictionary<string, string>(), $"/c/{shop.Slug}/memberships/{tierId}/join");
        join.StatusCode.Should().Be(HttpStatusCode.SeeOther, await join.Content.ReadAsStringAsync());
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var paid = await stripePage.PostAsync(join.Headers.Location, new FormUrlEncodedContent([new("card_number", "4242424242424242")]));
        var active = await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.MembershipTierId == tierId),
            m => m is { Status: "active" }, because: "the membership is active after Checkout");
        await app.EventuallyAsync(db => db.MembershipPayments.CountAsync(p => p.MembershipId == active!.Id), n => n == 1, because: "the first invoice is recorded");
        var subscription = await app.Stripe.V1.Subscriptions.GetAsync(active!.StripeSubscriptionId);
        var firstCharge = await InvoiceChargeAsync(subscription.LatestInvoiceId);
        var list = WebUtility.HtmlDecode(await member.Client.GetStringAsync("/memberships"));
        var postWhileMember = await member.Client.GetStringAsync(postPage);
        var joinedAgain = await member.SubmitFormAsync($"/c/{shop.Slug}", new Dictionary<string, string>(), $"/c/{shop.Slug}/memberships/{tierId}/join");

        // Assert 1: the shop shows the tier; the subscription is a destination subscription at 10 %; 5.00 transferred, 0.50 fee.
        storefront.Should().Contain("Supporter").And.Contain("€5.00 / month").And.Contain("data-testid=\"join\"");
        ((int)paid.StatusCode).Should().Be(303);
        paid.Headers.Location!.ToString().Should().EndWith("/memberships?joined=1");
        subscription.TransferData.DestinationId.Should().Be(shop.AccountId);
        subscription.ApplicationFeePercent.Should().Be(10m);
        (firstCharge.Amount, firstCharge.ApplicationFeeAmount, firstCharge.Currency).Should().Be((500L, 50L, "eur"));
        (await app.Stripe.V1.Transfers.GetAsync(firstCharge.TransferId)).Amount.Should().Be(500);
        postWhileMember.Should().Contain("<em>support</em>");
        list.Should().Contain("Poster Shop").And.Contain("Supporter").And.Contain("€5.00 / month").And.Contain("Active");
        joinedAgain.Headers.Location!.OriginalString.Should().Be("/memberships", "a member joining again is sent to their membership");

        // Act 2: one month later.
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        var payments = await app.EventuallyAsync(db => db.MembershipPayments.AsNoTracking().Where(p => p.MembershipId == active.Id).ToListAsync(),
            p => p.Count == 2, because: "the renewal's invoice is recorded");

        var sales = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));

        // Assert 2: two payments of 5.00 with 0.50 fee and 4.50 net each, on the creator's sales page too.
        payments.Select(p => (p.AmountMinor, p.ApplicationFeeMinor, p.NetMinor, p.Currency)).Should().Equal((500L, 50L, 450L, "eur"), (500L, 50L, 450L, "eur"));
        sales.Should().Contain("Members now: 1");
        System.Text.RegularExpressions.Regex.Matches(sales, "data-testid=\"membership-payment\"").Count.Should().Be(2);
        sales.Should().Contain("€5.00").And.Contain("€0.50").And.Contain("€4.50");

        // Act 3: Manage → Billing Portal → cancel; then the period ends on the clock.
        var manage = await member.SubmitFormAsync("/memberships", new Dictionary<string, string>(), $"/memberships/{active.Id}/manage");
        manage.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await stripePage.PostAsync(manage.Headers.Location, new FormUrlEncodedContent([new("action", "cancel"), new("subscription", active.StripeSubscriptionId!)])))
            .StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var canceling = await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == active.Id), m => m.CancelAtPeriodEnd,
            because: "cancel at period end reaches the membership");
        var stillMember = canceling.HasAccess(TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.Zero);
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        var ended = await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == active.Id), m => m.Status == "canceled",
            because: "the subscription ends at the period end");
        var listAfter = WebUtility.HtmlDecode(await member.Client.GetStringAsync("/memberships"));
        var postAfter = await member.Client.GetStringAsync(postPage);

        // Assert 3: access until the period end, none after; still two payments.
        stillMember.Should().BeTrue();
        ended.HasAccess(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(70), TimeSpan.FromDays(7)).Should().BeFalse();
        listAfter.Should().Contain("Ended");
        postAfter.Should().Contain("data-testid=\"join-to-read\"").And.NotContain("<em>support</em>");
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("Members now: 0");
        (await app.WithDbAsync(db => db.MembershipPayments.CountAsync(p => p.MembershipId == active.Id))).Should().Be(2);
    }

    private async Task<Charge> InvoiceChargeAsync(string invoiceId)
    {
        var payment = (await app.Stripe.V1.InvoicePayments.ListAsync(new InvoicePaymentListOptions { Invoice = invoiceId })).Data.Single();
        return (await app.Stripe.V1.PaymentIntents.GetAsync(payment.Payment.PaymentIntentId, new PaymentIntentGetOptions { Expand = ["latest_charge"] })).LatestCharge;
    }
}
