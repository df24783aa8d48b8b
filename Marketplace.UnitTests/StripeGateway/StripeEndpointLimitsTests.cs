using System.Collections.Concurrent;
using System.Net;
using Marketplace.StripeGateway;

namespace Marketplace.UnitTests.StripeGateway;

/// <summary>Stripe's per-endpoint limit in the app: the endpoint key of a request, and the limiter's lanes (real clock, short waits).</summary>
public sealed class StripeEndpointLimitsTests
{
    [Theory]
    [InlineData("/v1/invoices/in_1AbC", "/v1/invoices/*")]
    [InlineData("/v1/invoices/in_2XyZ?expand[]=subscription", "/v1/invoices/*")]
    [InlineData("/v1/invoices/upcoming", "/v1/invoices/upcoming")]
    [InlineData("/v1/subscriptions/search", "/v1/subscriptions/search")]
    [InlineData("/v1/checkout/sessions", "/v1/checkout/sessions")]
    [InlineData("/v1/checkout/sessions/cs_test_a1/expire", "/v1/checkout/sessions/*/expire")]
    [InlineData("/v1/billing_portal/sessions", "/v1/billing_portal/sessions")]
    [InlineData("/v1/accounts/acct_9/capabilities/card_payments", "/v1/accounts/*/capabilities/*")]
    [InlineData("/v1/accounts/acct_9/login_links", "/v1/accounts/*/login_links")]
    [InlineData("/v1/test_helpers/test_clocks/clock_1/advance", "/v1/test_helpers/test_clocks/*/advance")]
    [InlineData("/v1/products/plan-silver", "/v1/products/*")]
    [InlineData("/v1/account", "/v1/account")]
    public void TemplateOf_PathWithIds_EveryIdIsAStar(string path, string template)
    {
        StripeEndpointLimits.TemplateOf(path).Should().Be(template);
    }

    [Fact]
    public void KeyOf_SameOperationOnTwoAccounts_TwoKeysWithMethodAndTemplate()
    {
        StripeEndpointLimits.KeyOf(HttpMethod.Get, "/v1/payouts/po_1", "acct_1").Should().Be("acct_1|GET /v1/payouts/*");
        StripeEndpointLimits.KeyOf(HttpMethod.Get, "/v1/payouts/po_2", null).Should().Be("platform|GET /v1/payouts/*");
        StripeEndpointLimits.KeyOf(HttpMethod.Post, "/v1/payouts/po_2", "").Should().Be("platform|POST /v1/payouts/*");
    }

    [Fact]
    public void RateOf_SearchAndFiles_AtMostTwentyAndEveryEndpointWithHeadroom()
    {
        using var limits = new StripeEndpointLimits(25, 0.25, TimeSpan.FromSeconds(5), TimeProvider.System);

        limits.RateOf("platform|GET /v1/invoices/*").Should().BeApproximately(22.5, 0.001);
        limits.RateOf("platform|GET /v1/subscriptions/search").Should().BeApproximately(18, 0.001);
        limits.RateOf("platform|POST /v1/files").Should().BeApproximately(18, 0.001);
    }

    [Fact]
    public async Task AcquireAsync_OneEndpointQueuedLong_AnotherEndpointIsNotHeldBehindIt()
    {
        using var limits = new StripeEndpointLimits(10, 0.25, TimeSpan.FromSeconds(5), TimeProvider.System); // 9/s: 2.25 reserved, 6.75 shared
        var invoicesDone = 0;
        var invoices = Enumerable.Range(0, 20).Select(async _ =>
        {
            using var lease = await limits.AcquireAsync("platform|GET /v1/invoices/*", StripeLane.Background, CancellationToken.None);
            lease.IsAcquired.Should().BeTrue("background work waits, never fails");
            Interlocked.Increment(ref invoicesDone);
        }).ToList();

        for (var i = 0; i < 3; i++)
        {
            using var lease = await limits.AcquireAsync($"platform|GET /v1/subscriptions/*", StripeLane.Background, CancellationToken.None);
            lease.IsAcquired.Should().BeTrue();
        }

        Volatile.Read(ref invoicesDone).Should().BeLessThan(10, "three reads of another endpoint did not wait for 20 invoice reads (3 s of that endpoint)");
        await Task.WhenAll(invoices);
        invoicesDone.Should().Be(20);
    }

    [Fact]
    public async Task AcquireAsync_BackgroundQueuedOnTheEndpoint_InteractiveRequestOfItGoesFirst()
    {
        using var limits = new StripeEndpointLimits(10, 0.25, TimeSpan.FromSeconds(5), TimeProvider.System);
        var backgroundDone = new ConcurrentQueue<int>();
        var background = Enumerable.Range(0, 20).Select(async i =>
        {
            using var lease = await limits.AcquireAsync("platform|GET /v1/accounts/*", StripeLane.Background, CancellationToken.None);
            backgroundDone.Enqueue(i);
        }).ToList();

        for (var i = 0; i < 2; i++)
        {
            using var lease = await limits.AcquireAsync("platform|GET /v1/accounts/*", StripeLane.Interactive, CancellationToken.None);
            lease.IsAcquired.Should().BeTrue();
        }

        backgroundDone.Count.Should().BeLessThan(12, "two interactive reads went ahead of most of the 20 queued background reads of the same endpoint");
        await Task.WhenAll(background);
    }

    [Fact]
    public async Task AcquireAsync_EndpointReservedShareSpentPastTheWait_InteractiveRefused()
    {
        using var limits = new StripeEndpointLimits(3, 0.25, TimeSpan.FromMilliseconds(200), TimeProvider.System); // 2.7/s: 1 reserved
        var queued = Enumerable.Range(0, 3).Select(_ =>
            limits.AcquireAsync("platform|GET /v1/accounts/*", StripeLane.Background, CancellationToken.None).AsTask()).ToList();
        using var first = await limits.AcquireAsync("platform|GET /v1/accounts/*", StripeLane.Interactive, CancellationToken.None);

        using var second = await limits.AcquireAsync("platform|GET /v1/accounts/*", StripeLane.Interactive, CancellationToken.None);
        using var otherEndpoint = await limits.AcquireAsync("platform|GET /v1/invoices/*", StripeLane.Interactive, CancellationToken.None);

        first.IsAcquired.Should().BeTrue();
        second.IsAcquired.Should().BeFalse("the endpoint's reserved token comes back in a second, after the 200 ms wait");
        otherEndpoint.IsAcquired.Should().BeTrue("another endpoint has its own limit");
        foreach (var lease in await Task.WhenAll(queued)) lease.Dispose();
    }

    [Fact]
    public async Task SendAsync_InteractiveEndpointBusy_Stripe429ThatNeverLeftTheProcess()
    {
        using var budget = new StripeRequestBudget(100, 0.25, TimeSpan.FromMilliseconds(100), TimeProvider.System);
        using var limits = new StripeEndpointLimits(3, 0.25, TimeSpan.FromMilliseconds(100), TimeProvider.System);
        var stripe = new OkStripe();
        using var invoker = new HttpMessageInvoker(new StripeBudgetHandler(budget, TimeProvider.System, endpoints: limits) { InnerHandler = stripe });
        using var _ = StripeLanes.Enter(StripeLane.Interactive);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            answers.Add(await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"http://stripe.test/v1/accounts/acct_{i}"), CancellationToken.None));

        answers.Select(a => a.StatusCode).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        stripe.Calls.Should().Be(2, "the whole budget was free, but not the endpoint's");
    }

    private sealed class OkStripe : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
