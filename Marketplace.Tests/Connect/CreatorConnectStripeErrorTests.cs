using System.Net;
using Marketplace.StripeGateway;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.StripeEmulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Connect;

/// <summary>The app with Stripe.net's retries off, so one planned emulator failure is one failed Stripe call.</summary>
public sealed class NoStripeRetriesFactory : MarketplaceFactory
{
    public NoStripeRetriesFactory() => Settings = new Dictionary<string, string?> { ["Stripe:MaxNetworkRetries"] = "0" };
}

/// <summary><c>/creator/connect</c> when Stripe fails (500, 429): a friendly retry message, never a 500, nothing half-created.</summary>
public sealed class CreatorConnectStripeErrorTests : IClassFixture<NoStripeRetriesFactory>
{
    private const string RetryText = "We could not reach Stripe just now";
    private readonly NoStripeRetriesFactory _app;

    public CreatorConnectStripeErrorTests(NoStripeRetriesFactory app) => _app = app;

    private Marketplace.StripeEmulator.StripeEmulatorServer Emulator => _app.Services.GetRequiredService<InProcessStripeEmulator>().Server;

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Onboard_StripeFailsAccountCreate_RetryMessageNothingStoredThenRetrySucceeds(int status)
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);

        Emulator.FailNextApiCalls(StripeOptions.EmulatorSecretKey, status, 1);
        var failed = await PostOnboardAsync(browser);
        var failedHtml = await failed.Content.ReadAsStringAsync();
        var rowAfterFailure = await _app.WithDbAsync(db => db.CreatorStripeAccounts.AnyAsync(a => a.CreatorProfileId == creatorId));
        var retried = await PostOnboardAsync(browser);

        failed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        WebUtility.HtmlDecode(failedHtml).Should().Contain(RetryText).And.Contain("data-testid=\"onboarding-status\">Not started<");
        rowAfterFailure.Should().BeFalse();
        retried.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await _app.WithDbAsync(db => db.CreatorStripeAccounts.CountAsync(a => a.CreatorProfileId == creatorId))).Should().Be(1);
    }

    [Fact]
    public async Task Refresh_StripeFailsLinkCreate_RetryMessageThenRetryReusesTheAccount()
    {
        using var browser = BrowserSession.For(_app);
        var creatorId = await RegisterAsync(browser);
        (await PostOnboardAsync(browser)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var accountId = await _app.WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorId).Select(a => a.StripeAccountId).SingleAsync());

        Emulator.FailNextApiCalls(StripeOptions.EmulatorSecretKey, 500, 1);
        var failed = await browser.Client.GetAsync("/creator/connect/refresh");
        var retried = await browser.Client.GetAsync("/creator/connect/refresh");

        failed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync()).Should().Contain(RetryText);
        retried.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await _app.WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorId).Select(a => a.StripeAccountId).ToListAsync()))
            .Should().Equal(accountId);
        var stripe = _app.Services.GetRequiredService<StripeClient>();
        var id = creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await stripe.V1.Accounts.ListAsync(new AccountListOptions { Limit = 100 })).Data
            .Count(a => a.Metadata.TryGetValue("creator_id", out var v) && v == id).Should().Be(1);
    }

    [Fact]
    public async Task Return_StripeFailsRetrieve_StatusPageWithMessageNot500()
    {
        using var browser = BrowserSession.For(_app);
        await RegisterAsync(browser);
        (await PostOnboardAsync(browser)).StatusCode.Should().Be(HttpStatusCode.SeeOther);

        Emulator.FailNextApiCalls(StripeOptions.EmulatorSecretKey, 500, 1);
        var returned = await browser.Client.GetAsync("/creator/connect/return");

        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await returned.Content.ReadAsStringAsync());
        html.Should().Contain("We could not get your latest status from Stripe").And.Contain("data-testid=\"onboarding-status\">");
    }

    private async Task<int> RegisterAsync(BrowserSession browser)
    {
        var email = $"c{Guid.NewGuid():N}@example.com";
        (await browser.RegisterCreatorAsync(email, "Creator")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await _app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email))
            .Select(c => c.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> PostOnboardAsync(BrowserSession browser) =>
        browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/onboard");
}
