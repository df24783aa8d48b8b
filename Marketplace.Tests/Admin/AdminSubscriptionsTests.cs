using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Admin;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Admin;

public sealed partial class AdminSubscriptionsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Index_StatusAndPlanFilters_KeepOnlyMatchingRowsNewestFirst()
    {
        var code = "SUB" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var prices = await app.PlanAsync(code, (PlanInterval.Month, 2000, "eur"));
        var price = prices[(PlanInterval.Month, "eur")];
        var active = await Subscribed(price, SubscriptionStatus.Active);
        var pastDue = await Subscribed(price, SubscriptionStatus.PastDue);
        var trialing = await Subscribed(price, SubscriptionStatus.Trialing);
        var gold = await app.WithDbAsync(db => db.PlanPrices.Where(p => p.LookupKey == "plan_gold_month_eur").Select(p => p.Id).SingleAsync());
        var elsewhere = await Subscribed(gold, SubscriptionStatus.PastDue);
        using var admin = await app.AdminAsync();

        var plan = await admin.Client.GetStringAsync($"/admin/subscriptions?plan={code}");
        var planPastDue = await admin.Client.GetStringAsync($"/admin/subscriptions?status=past_due&plan={code}");
        var trials = await admin.Client.GetStringAsync($"/admin/subscriptions?status=trialing&plan={code}");
        var anyPastDue = await admin.Client.GetStringAsync("/admin/subscriptions?status=past_due");

        Slugs(plan).Should().Equal(trialing, pastDue, active);
        Slugs(planPastDue).Should().Equal(pastDue);
        Slugs(trials).Should().Equal(trialing);
        Slugs(anyPastDue).Should().Contain([pastDue, elsewhere]).And.NotContain([active, trialing]);
        plan.Should().Contain("€20.00").And.Contain("trial ends");
    }

    [Fact]
    public async Task Index_Canceled_CreatorsBackOnFreeAfterAPaidSubscription()
    {
        var formerSubscriber = await app.RegisterCreatorAsync("Former " + Guid.NewGuid().ToString("N")[..6]);
        await app.PayAsync(formerSubscriber, 1900, "eur", DateTime.UtcNow.AddMonths(-2));
        var neverPaid = await app.RegisterCreatorAsync("Never " + Guid.NewGuid().ToString("N")[..6]);
        using var admin = await app.AdminAsync();

        var page = await admin.Client.GetStringAsync("/admin/subscriptions?status=canceled");

        Slugs(page).Should().Contain(await Slug(formerSubscriber)).And.NotContain(await Slug(neverPaid));
    }

    [Fact]
    public async Task Index_TestKey_LinksToTheStripeTestDashboard()
    {
        var gold = await app.WithDbAsync(db => db.PlanPrices.Where(p => p.LookupKey == "plan_gold_year_eur").Select(p => p.Id).SingleAsync());
        var slug = await Subscribed(gold, SubscriptionStatus.Active);
        var ids = await app.WithDbAsync(db => db.CreatorSubscriptions.Where(s => s.CreatorProfile!.Slug == slug)
            .Select(s => new { s.StripeCustomerId, s.StripeSubscriptionId }).SingleAsync());
        using var admin = await app.AdminAsync();

        var page = await admin.Client.GetStringAsync("/admin/subscriptions?plan=gold");

        page.Should().Contain($"href=\"https://dashboard.stripe.com/test/customers/{ids.StripeCustomerId}\"")
            .And.Contain($"href=\"https://dashboard.stripe.com/test/subscriptions/{ids.StripeSubscriptionId}\"");
    }

    [Fact]
    public void Links_LiveKey_DashboardWithoutTest()
    {
        var live = new StripeDashboardLinks(Options.Create(new StripeOptions { Mode = StripeMode.Stripe, SecretKey = "sk_" + "live_" + "abc" }));
        var test = new StripeDashboardLinks(Options.Create(new StripeOptions { Mode = StripeMode.Stripe, SecretKey = "sk_test_abc" }));

        live.Customer("cus_1").Should().Be("https://dashboard.stripe.com/customers/cus_1");
        live.Subscription("sub_1").Should().Be("https://dashboard.stripe.com/subscriptions/sub_1");
        test.Subscription("sub_1").Should().Be("https://dashboard.stripe.com/test/subscriptions/sub_1");
        test.Customer(null).Should().BeNull();
    }

    [Fact]
    public async Task Index_UnknownStatus_SamePageWithAMessage()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.Client.GetAsync("/admin/subscriptions?status=bogus");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not a subscription status");
    }

    private async Task<string> Subscribed(int priceId, SubscriptionStatus status)
    {
        var id = await app.RegisterCreatorAsync("Subscriber " + Guid.NewGuid().ToString("N")[..6]);
        await app.SubscribeAsync(id, priceId, status);
        return await Slug(id);
    }

    private Task<string> Slug(int creatorId) => app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.Slug).SingleAsync());

    private static List<string> Slugs(string html) => [.. SlugAttribute().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-subscription-id=\"\\d+\" data-creator-slug=\"([^\"]+)\"")]
    private static partial Regex SlugAttribute();
}
