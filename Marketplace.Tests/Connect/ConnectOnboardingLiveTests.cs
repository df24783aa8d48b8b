using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Connect;

/// <summary>
/// The whole journey on the live app (Kestrel, the emulator delivering Connect webhooks, Hangfire): a creator onboards
/// in a cookie session, then Stripe restricts the account later and the guard follows without the creator doing anything.
/// </summary>
public sealed class ConnectOnboardingLiveTests : IClassFixture<LiveMarketplaceFactory>
{
    private readonly LiveMarketplaceFactory _app;

    public ConnectOnboardingLiveTests(LiveMarketplaceFactory app) => _app = app;

    [Fact]
    public async Task CanCreatorReceivePayments_StripeRestrictsAccountAfterOnboarding_FailsThroughConnectWebhook()
    {
        using var browser = _app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        (await browser.RegisterCreatorAsync(email, "Live creator")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var creatorId = await _app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        var toStripe = await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/onboard");
        toStripe.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await stripePage.PostAsync(toStripe.Headers.Location, new FormUrlEncodedContent([new("action", "complete")]));
        back.Headers.Location!.ToString().Should().StartWith(new Uri(_app.AppUrl, "/creator/connect/return").ToString());
        var returned = await (await browser.Client.GetAsync(back.Headers.Location)).Content.ReadAsStringAsync();
        CreatorConnectControllerTests.Status(returned).Should().Be("Complete");
        (await GuardAsync(creatorId)).IsEligible.Should().BeTrue();
        var accountId = await _app.WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorId).Select(a => a.StripeAccountId).SingleAsync());

        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "restricted", "rejected.fraud");

        var guard = await EventuallyGuardAsync(creatorId, r => !r.IsEligible, "account.updated (restricted) processed");
        guard.UnmetCodes.Should().Contain([PaymentEligibilityCodes.ChargesDisabled, PaymentEligibilityCodes.PayoutsDisabled, PaymentEligibilityCodes.OnboardingIncomplete]);
        var page = WebUtility.HtmlDecode(await (await browser.Client.GetAsync("/creator/connect")).Content.ReadAsStringAsync());
        CreatorConnectControllerTests.Status(page).Should().Be("Needs attention");
        page.Should().Contain("Stripe rejected the account because of suspected fraud");
    }

    [Fact]
    public async Task CanCreatorReceivePayments_CreatorDeauthorizesPlatform_FailsWithAccountDeauthorized()
    {
        var creatorId = await _app.RegisterCreatorAsync();
        var accountId = await _app.CreateConnectAccountAsync(creatorId);
        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "enabled");
        await EventuallyGuardAsync(creatorId, r => r.IsEligible, "account.updated (enabled) processed");

        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "deauthorized");

        var guard = await EventuallyGuardAsync(creatorId, r => r.UnmetCodes.Contains(PaymentEligibilityCodes.AccountDeauthorized), "deauthorization processed");
        guard.IsEligible.Should().BeFalse();
    }

    [Fact]
    public async Task Onboard_AccountDeauthorized_ExplainsInsteadOfCallingStripe()
    {
        using var browser = _app.NewBrowser();
        var email = $"c{Guid.NewGuid():N}@example.com";
        (await browser.RegisterCreatorAsync(email, "Gone creator")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var creatorId = await _app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.Id).SingleAsync());
        var accountId = await _app.CreateConnectAccountAsync(creatorId);
        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "deauthorized");
        await EventuallyGuardAsync(creatorId, r => r.UnmetCodes.Contains(PaymentEligibilityCodes.AccountDeauthorized), "deauthorization processed");

        var onboard = await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/onboard");
        var refresh = await browser.Client.GetAsync("/creator/connect/refresh");

        foreach (var response in new[] { onboard, refresh })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Conflict);
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Your Stripe account is disconnected from the marketplace")
                .And.Contain("data-code=\"account_deauthorized\" data-met=\"false\"");
        }
    }

    private async Task<PaymentEligibilityResult> GuardAsync(int creatorId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentEligibility>().CanCreatorReceivePayments(creatorId);
    }

    private async Task<PaymentEligibilityResult> EventuallyGuardAsync(int creatorId, Func<PaymentEligibilityResult, bool> done, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await GuardAsync(creatorId);
            if (done(result)) return result;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not reached in 30 s: {because}. Unmet: {string.Join(", ", result.UnmetCodes)}\n{await _app.DiagnosticsAsync()}");
            await Task.Delay(100);
        }
    }
}
