using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.StripeEmulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Connect;

/// <summary>
/// <c>/creator/connect</c> through the real HTTP pipeline, signed in as a creator in a cookie session, with Stripe's
/// onboarding done on the emulator's hosted page.
/// </summary>
public sealed class CreatorConnectControllerTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _app;

    public CreatorConnectControllerTests(MarketplaceFactory app) => _app = app;

    [Fact]
    public async Task Index_NewCreator_ShowsNotStartedAndEveryConditionUnticked()
    {
        using var browser = BrowserSession.For(_app);
        await RegisterAsync(browser);

        var html = await (await browser.Client.GetAsync("/creator/connect")).Content.ReadAsStringAsync();

        Status(html).Should().Be("Not started");
        html.Should().Contain("data-code=\"no_connect_account\" data-met=\"false\"").And.Contain("Set up payments");
        html.Should().Contain("data-testid=\"eligible\">Not yet<");
        html.Should().Contain("href=\"/creator/connect\">Connect</a>", "creators reach the page from the navigation bar");
    }

    [Fact]
    public async Task Onboard_CompletedOnStripe_ReturnPageShowsCompleteAndGuardPasses()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);

        var returned = await OnboardAsync(browser, "complete");

        var html = await returned.Content.ReadAsStringAsync();
        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        Status(html).Should().Be("Complete");
        html.Should().NotContain("data-met=\"false\"").And.Contain("data-testid=\"eligible\">Yes<");
        (await GuardAsync(creatorId)).IsEligible.Should().BeTrue();
    }

    [Fact]
    public async Task Onboard_LeftIncompleteOnStripe_ReturnPageNeedsAttentionWithRequirementsAndGuardFails()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);

        var returned = await OnboardAsync(browser, "incomplete");

        var html = WebUtility.HtmlDecode(await returned.Content.ReadAsStringAsync());
        Status(html).Should().Be("Needs attention");
        html.Should().Contain("A bank account for payouts").And.Contain("Your date of birth").And.Contain("Accepting Stripe’s terms of service")
            .And.Contain("required information is overdue");
        html.Should().Contain("data-code=\"charges_disabled\" data-met=\"false\"").And.Contain("data-code=\"onboarding_incomplete\" data-met=\"false\"");
        var guard = await GuardAsync(creatorId);
        guard.IsEligible.Should().BeFalse();
        guard.UnmetCodes.Should().Contain([PaymentEligibilityCodes.ChargesDisabled, PaymentEligibilityCodes.PayoutsDisabled, PaymentEligibilityCodes.OnboardingIncomplete]);
    }

    [Fact]
    public async Task Onboard_PostedTwice_OneAccountReusedWithCreatorMetadata()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);

        var first = await PostOnboardAsync(browser);
        var second = await PostOnboardAsync(browser);

        first.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        second.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        first.Headers.Location!.AbsolutePath.Should().StartWith("/connect/onboarding/");
        second.Headers.Location.Should().NotBe(first.Headers.Location!, "each visit gets a fresh account link");
        var rows = await _app.WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorId).ToListAsync());
        rows.Should().ContainSingle();
        (await StripeAccountsOfAsync(creatorId)).Should().ContainSingle().Which.Id.Should().Be(rows[0].StripeAccountId);
    }

    [Fact]
    public async Task Onboard_StripeCreatedAccountButRowMissing_ReusesTheSameAccount()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);
        // The app stopped after Stripe created the account and before our insert: Stripe replays the create for the same key.
        var email = await _app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId)
            .Select(c => db.Users.Single(u => u.Id == c.UserId).Email!).SingleAsync());
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IStripeGateway>().CreateExpressAccountAsync(creatorId, email, "FR", default,
                await scope.ServiceProvider.GetRequiredService<Core.Connect.PayoutControl>().ScheduleForNewAccountAsync());

        (await PostOnboardAsync(browser)).StatusCode.Should().Be(HttpStatusCode.SeeOther);

        var accounts = await StripeAccountsOfAsync(creatorId);
        accounts.Should().ContainSingle();
        (await _app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.CreatorProfileId == creatorId)))
            .StripeAccountId.Should().Be(accounts[0].Id);
    }

    [Fact]
    public async Task Refresh_ExpiredOrUsedLink_RedirectsToAFreshLinkForTheSameAccount()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);
        var link = (await PostOnboardAsync(browser)).Headers.Location!;
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await stripePage.PostAsync(link, new FormUrlEncodedContent([new("action", "incomplete")]));

        var usedLink = await stripePage.GetAsync(link);
        usedLink.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        usedLink.Headers.Location!.AbsolutePath.Should().Be("/creator/connect/refresh");
        var refreshed = await browser.Client.GetAsync(usedLink.Headers.Location);

        refreshed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        refreshed.Headers.Location!.AbsolutePath.Should().StartWith("/connect/onboarding/").And.NotBe(link.AbsolutePath);
        (await StripeAccountsOfAsync(creatorId)).Should().ContainSingle();
    }

    [Fact]
    public async Task Onboard_OtherCreatorsIdsInFormAndUrl_IgnoredOnlyOwnAccountTouched()
    {
        using var victim = BrowserSession.For(_app);
        var victimId = await RegisterAsync(victim);
        await OnboardAsync(victim, "complete");
        var victimAccount = await _app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == victimId));
        using var attacker = BrowserSession.For(_app);
        var attackerId = await RegisterAsync(attacker);
        var ids = $"creatorProfileId={victimId}&creatorId={victimId}&id={victimId}&accountId={victimAccount.StripeAccountId}&account={victimAccount.StripeAccountId}";

        var page = await (await attacker.Client.GetAsync($"/creator/connect?{ids}")).Content.ReadAsStringAsync();
        var returned = await (await attacker.Client.GetAsync($"/creator/connect/return?{ids}")).Content.ReadAsStringAsync();
        var onboard = await attacker.SubmitFormAsync("/creator/connect", new Dictionary<string, string>
        {
            ["creatorProfileId"] = victimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["accountId"] = victimAccount.StripeAccountId,
        }, $"/creator/connect/onboard?{ids}");
        var profilePath = await attacker.Client.GetAsync($"/creator/connect/{victimId}");

        Status(page).Should().Be("Not started");
        Status(returned).Should().Be("Not started");
        page.Should().NotContain(victimAccount.StripeAccountId);
        onboard.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        profilePath.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var attackerAccount = await _app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == attackerId));
        attackerAccount.StripeAccountId.Should().NotBe(victimAccount.StripeAccountId);
        var victimAfter = await _app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == victimId));
        victimAfter.LastSyncedAt.Should().Be(victimAccount.LastSyncedAt, "nothing synced the victim's account");
        (await GuardAsync(victimId)).IsEligible.Should().BeTrue();
    }

    [Fact]
    public async Task Refresh_NoAccountYet_RedirectsToStatusPageWithoutCreatingOne()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);

        var response = await browser.Client.GetAsync("/creator/connect/refresh");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/creator/connect");
        (await StripeAccountsOfAsync(creatorId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Index_NotSignedIn_RedirectsToLogin()
    {
        using var browser = BrowserSession.For(_app);

        var response = await browser.Client.GetAsync("/creator/connect");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
    }

    [Fact]
    public async Task Onboard_WithoutAntiforgeryToken_RefusedAndNoAccountCreated()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);

        var response = await browser.Client.PostAsync("/creator/connect/onboard", new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _app.WithDbAsync(db => db.CreatorStripeAccounts.AnyAsync(a => a.CreatorProfileId == creatorId))).Should().BeFalse();
        (await StripeAccountsOfAsync(creatorId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Index_SignedInAsAdmin_Forbidden()
    {
        using var browser = BrowserSession.For(_app);
        await browser.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);

        var response = await browser.Client.GetAsync("/creator/connect");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    internal static string Status(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"onboarding-status\">([^<]*)<");
        match.Success.Should().BeTrue("the status page shows the onboarding status:\n" + html[..Math.Min(html.Length, 2000)]);
        return match.Groups[1].Value;
    }

    private async Task<int> RegisterAsync(BrowserSession browser)
    {
        var email = $"c{Guid.NewGuid():N}@example.com";
        (await browser.RegisterCreatorAsync(email, "Creator " + email[..6])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await _app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email))
            .Select(c => c.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> PostOnboardAsync(BrowserSession browser) =>
        browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/onboard");

    /// <summary>Set up payments, pick <paramref name="action"/> on Stripe's page, follow the redirect back; returns the return page.</summary>
    private static async Task<HttpResponseMessage> OnboardAsync(BrowserSession browser, string action)
    {
        var toStripe = await PostOnboardAsync(browser);
        toStripe.StatusCode.Should().Be(HttpStatusCode.SeeOther, await toStripe.Content.ReadAsStringAsync());
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        (await stripePage.GetAsync(toStripe.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);
        var back = await stripePage.PostAsync(toStripe.Headers.Location, new FormUrlEncodedContent([new("action", action)]));
        back.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        back.Headers.Location!.AbsolutePath.Should().Be("/creator/connect/return");
        return await browser.Client.GetAsync(back.Headers.Location);
    }

    private async Task<PaymentEligibilityResult> GuardAsync(int creatorId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentEligibility>().CanCreatorReceivePayments(creatorId);
    }

    private async Task<List<Account>> StripeAccountsOfAsync(int creatorId)
    {
        var stripe = _app.Services.GetRequiredService<StripeClient>();
        var id = creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var all = new List<Account>();
        await foreach (var account in stripe.V1.Accounts.ListAutoPagingAsync(new AccountListOptions { Limit = 100 }))
            if (account.Metadata.TryGetValue("creator_id", out var value) && value == id) all.Add(account);
        return all;
    }
}
