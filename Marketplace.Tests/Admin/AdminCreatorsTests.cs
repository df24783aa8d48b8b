using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Admin;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Admin;

public sealed partial class AdminCreatorsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Index_SearchByNameAnyCase_PagesOf25InIdOrder()
    {
        var word = "Quasar" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<int>();
        for (var i = 0; i < 27; i++) ids.Add(await app.RegisterCreatorAsync($"{word} {i:00}"));
        using var admin = await app.AdminAsync();

        var first = await admin.Client.GetStringAsync($"/admin/creators?q={word.ToUpperInvariant()}");
        var second = await admin.Client.GetStringAsync($"/admin/creators?q={word.ToLowerInvariant()}&page=2");

        CreatorIds(first).Should().Equal(ids.Take(25));
        CreatorIds(second).Should().Equal(ids.Skip(25));
        second.Should().Contain("Page 2 of 2 · 27 row(s)");
    }

    [Fact]
    public async Task Index_SearchByEmailOrSlug_FindsTheCreator()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        using (var creator = BrowserSession.For(app)) await creator.RegisterCreatorAsync($"nebula.{token}@example.com", $"Orion {token}");
        var slug = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.DisplayName == $"Orion {token}").Select(c => c.Slug).SingleAsync());
        using var admin = await app.AdminAsync();

        var byEmail = await admin.Client.GetStringAsync($"/admin/creators?q=NEBULA.{token}");
        var bySlug = await admin.Client.GetStringAsync($"/admin/creators?q={slug}");

        byEmail.Should().Contain($"Orion {token}").And.Contain($"nebula.{token}@example.com");
        CreatorIds(byEmail).Should().ContainSingle();
        CreatorIds(bySlug).Should().ContainSingle();
    }

    [Fact]
    public async Task Index_SearchWithLikeWildcards_TakenLiterally()
    {
        await app.RegisterCreatorAsync("Plain name");
        using var admin = await app.AdminAsync();

        var page = await admin.Client.GetStringAsync("/admin/creators?q=%25");

        page.Should().Contain("No creator matches.");
    }

    [Fact]
    public async Task Search_CreatorsInEveryState_GuardColumnEqualsTheGuard()
    {
        var token = "Vega" + Guid.NewGuid().ToString("N")[..6];
        var noAccount = await app.RegisterCreatorAsync($"{token} a");
        var complete = await app.RegisterCreatorAsync($"{token} b");
        await app.ConnectCompleteAsync(complete);
        var pastDue = await app.RegisterCreatorAsync($"{token} c");
        await app.ConnectCompleteAsync(pastDue);
        var goldMonthly = await app.WithDbAsync(db => db.PlanPrices.Where(p => p.LookupKey == "plan_gold_month_eur").Select(p => p.Id).SingleAsync());
        await app.SubscribeAsync(pastDue, goldMonthly, SubscriptionStatus.PastDue);
        var suspended = await app.RegisterCreatorAsync($"{token} d");
        await app.ConnectCompleteAsync(suspended);
        await app.WithDbAsync(async db =>
        {
            (await db.CreatorProfiles.SingleAsync(c => c.Id == suspended)).Suspend();
            return await db.SaveChangesAsync();
        });
        var restricted = await app.RegisterCreatorAsync($"{token} e");
        await app.WithDbAsync(async db =>
        {
            var account = new CreatorStripeAccount(restricted, $"acct_{Guid.NewGuid():N}"[..21]);
            account.ApplyStripeAccount(false, false, true, ["external_account", "individual.dob.day"], "requirements.past_due", DateTime.UtcNow);
            db.CreatorStripeAccounts.Add(account);
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var rows = (await scope.ServiceProvider.GetRequiredService<AdminCreatorQueries>().SearchAsync(token, 1)).Items;
        var guard = scope.ServiceProvider.GetRequiredService<PaymentEligibility>();

        rows.Select(r => r.Id).Should().Equal(noAccount, complete, pastDue, suspended, restricted);
        foreach (var row in rows)
            row.Eligibility.Conditions.Should().Equal((await guard.CanCreatorReceivePayments(row.Id)).Conditions, $"creator {row.DisplayName}");
        rows.Select(r => r.Eligibility.IsEligible).Should().Equal(false, true, false, false, false);
        rows[2].Eligibility.UnmetCodes.Should().Equal(PaymentEligibilityCodes.SubscriptionPastDue);
        rows[3].Eligibility.UnmetCodes.Should().Equal(PaymentEligibilityCodes.CreatorInactive);
    }

    [Fact]
    public async Task Suspend_EligibleCreator_GuardFailsForThemAtOnceAndTheySeeWhy_ReactivatePassesAgain()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        using var creator = BrowserSession.For(app);
        await creator.RegisterCreatorAsync(email, "Suspendable");
        var creatorId = await CreatorIdAsync(email);
        await app.ConnectCompleteAsync(creatorId);
        (await Guard(creatorId)).IsEligible.Should().BeTrue();
        using var admin = await app.AdminAsync();

        var listPage = await admin.Client.GetStringAsync($"/admin/creators?q={Uri.EscapeDataString(email)}");
        FormActions(listPage).Should().Equal($"/admin/creators/{creatorId}/suspend");

        var suspend = await admin.SubmitFormAsync($"/admin/creators?q={Uri.EscapeDataString(email)}",
            new Dictionary<string, string> { ["q"] = email, ["page"] = "1" }, $"/admin/creators/{creatorId}/suspend");

        suspend.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(suspend.Headers.Location!.ToString()).Should().Be($"/admin/creators?q={email}", "back to the same search");
        (await Guard(creatorId)).UnmetCodes.Should().Equal(PaymentEligibilityCodes.CreatorInactive);
        var creatorPage = await creator.Client.GetStringAsync("/creator/connect");
        creatorPage.Should().Contain("data-code=\"creator_inactive\" data-met=\"false\"").And.Contain("Your creator account is suspended.");
        var adminPage = await admin.Client.GetStringAsync(suspend.Headers.Location!.ToString());
        adminPage.Should().Contain("Suspendable suspended").And.Contain("data-unmet=\"creator_inactive\"");
        FormActions(adminPage).Should().Equal($"/admin/creators/{creatorId}/reactivate");

        var reactivate = await admin.SubmitFormAsync($"/admin/creators?q={email}", new Dictionary<string, string>(), $"/admin/creators/{creatorId}/reactivate");

        reactivate.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Guard(creatorId)).IsEligible.Should().BeTrue();
        (await creator.Client.GetStringAsync("/creator/connect")).Should().Contain("data-code=\"creator_inactive\" data-met=\"true\"");
    }

    [Fact]
    public async Task Suspend_WithoutAntiforgeryToken_400AndNothingChanges()
    {
        var creatorId = await app.RegisterCreatorAsync("Protected");
        using var admin = await app.AdminAsync();

        var response = await admin.Client.PostAsync($"/admin/creators/{creatorId}/suspend", new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.CreatorProfiles.SingleAsync(c => c.Id == creatorId))).Status.Should().Be(CreatorStatus.Active);
    }

    [Fact]
    public async Task Reactivate_UnknownCreator_MessageOnThePage()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.SubmitFormAsync("/admin/creators", new Dictionary<string, string>(), "/admin/creators/987654/reactivate");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.Client.GetStringAsync(response.Headers.Location!.ToString())).Should().Contain("There is no creator 987654.");
    }

    private async Task<PaymentEligibilityResult> Guard(int creatorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentEligibility>().CanCreatorReceivePayments(creatorId);
    }

    private Task<int> CreatorIdAsync(string email) => app.WithDbAsync(db =>
        (from c in db.CreatorProfiles join u in db.Users on c.UserId equals u.Id where u.Email == email select c.Id).SingleAsync());

    private Task<int?> MaxListings(string planCode) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Code == planCode).Select(p => p.Capabilities.MaxListings).SingleAsync());

    private static List<int> CreatorIds(string html) =>
        [.. CreatorIdAttribute().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<string> FormActions(string html) =>
        [.. PostFormAction().Matches(html).Select(m => m.Groups[1].Value).Where(a => a.StartsWith("/admin/", StringComparison.Ordinal))];

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex PostFormAction();

    [GeneratedRegex("data-creator-id=\"(\\d+)\"")]
    private static partial Regex CreatorIdAttribute();
}
