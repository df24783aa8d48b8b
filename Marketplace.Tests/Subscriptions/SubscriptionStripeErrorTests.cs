using System.Net;
using System.Net.Http.Headers;
using Marketplace.StripeGateway;
using Marketplace.Tests.Connect;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.StripeEmulation;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Subscriptions;

/// <summary>
/// <c>/creator/subscription</c> when Stripe fails: the browser is sent back to the page with a message (the app's one
/// exception handler, Web/Errors), a JSON client gets ProblemDetails; never a 500.
/// </summary>
public sealed class SubscriptionStripeErrorTests : IClassFixture<NoStripeRetriesFactory>
{
    private const string SuccessPath = "/creator/subscription/plan/2/checkout/success?session_id=cs_test_unreachable";
    private readonly NoStripeRetriesFactory _app;

    public SubscriptionStripeErrorTests(NoStripeRetriesFactory app) => _app = app;

    private Marketplace.StripeEmulator.StripeEmulatorServer Emulator => _app.Services.GetRequiredService<InProcessStripeEmulator>().Server;

    [Fact]
    public async Task Success_StripeUnreachable_RedirectsToSubscriptionPageSayingPaymentIsBeingConfirmed()
    {
        using var browser = await CreatorAsync();

        Emulator.FailNextApiCalls(StripeOptions.EmulatorSecretKey, 500, 1);
        var failed = await browser.Client.GetAsync(SuccessPath);
        var page = await browser.Client.GetAsync(failed.Headers.Location);

        failed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        failed.Headers.Location!.OriginalString.Should().Be("/creator/subscription");
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).Should().Contain("Your payment is being confirmed; your plan will change as soon as Stripe tells us.");
    }

    [Fact]
    public async Task Success_StripeRateLimitsJsonClient_ProblemDetails503WithRetryAfter()
    {
        using var browser = await CreatorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, SuccessPath);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        Emulator.FailNextApiCalls(StripeOptions.EmulatorSecretKey, 429, 1);
        var failed = await browser.Client.SendAsync(request);

        failed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        failed.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        failed.Headers.RetryAfter.Should().NotBeNull();
        (await failed.Content.ReadAsStringAsync()).Should().Contain("Stripe could not be reached");
    }

    private async Task<BrowserSession> CreatorAsync()
    {
        var browser = BrowserSession.For(_app);
        (await browser.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", "Creator")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return browser;
    }
}
