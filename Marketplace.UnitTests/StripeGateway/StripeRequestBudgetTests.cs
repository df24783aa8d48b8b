using System.Collections.Concurrent;
using System.Net;
using Marketplace.StripeGateway;

namespace Marketplace.UnitTests.StripeGateway;

/// <summary>The process's Stripe budget in lanes, and the handler that applies it under Stripe.net (real clock, short waits).</summary>
public sealed class StripeRequestBudgetTests
{
    [Fact]
    public async Task AcquireAsync_BackgroundQueueLong_InteractiveRequestsGoFirst()
    {
        using var budget = new StripeRequestBudget(8, 0.25, TimeSpan.FromSeconds(5), TimeProvider.System); // 2/s reserved, 6/s shared
        var backgroundDone = new ConcurrentQueue<int>();
        var background = Enumerable.Range(0, 18).Select(async i =>
        {
            using var lease = await budget.AcquireAsync(StripeLane.Background, CancellationToken.None);
            lease.IsAcquired.Should().BeTrue("background work waits, never fails");
            backgroundDone.Enqueue(i);
        }).ToList();

        for (var i = 0; i < 3; i++)
        {
            using var lease = await budget.AcquireAsync(StripeLane.Interactive, CancellationToken.None);
            lease.IsAcquired.Should().BeTrue();
        }

        backgroundDone.Count.Should().BeLessThan(12, "three interactive requests went ahead of most of the 18 queued background ones (3 s of shared budget)");
        await Task.WhenAll(background);
        backgroundDone.Should().HaveCount(18);
    }

    [Fact]
    public async Task AcquireAsync_ReservedShareSpentPastTheWait_InteractiveRefused()
    {
        using var budget = new StripeRequestBudget(2, 0.5, TimeSpan.FromMilliseconds(200), TimeProvider.System); // 1/s each
        var queued = Enumerable.Range(0, 3).Select(_ => budget.AcquireAsync(StripeLane.Background, CancellationToken.None).AsTask()).ToList();
        using var first = await budget.AcquireAsync(StripeLane.Interactive, CancellationToken.None);

        using var second = await budget.AcquireAsync(StripeLane.Interactive, CancellationToken.None);

        first.IsAcquired.Should().BeTrue();
        second.IsAcquired.Should().BeFalse("the reserved token comes back in a second, after the 200 ms wait, and the shared one is the queue's");
        foreach (var lease in await Task.WhenAll(queued)) lease.Dispose();
    }

    [Fact]
    public async Task SendAsync_InteractiveRefused_Stripe429ThatStripeNetDoesNotRetry()
    {
        using var budget = new StripeRequestBudget(2, 0.5, TimeSpan.FromMilliseconds(100), TimeProvider.System);
        var stripe = new ScriptedStripe(HttpStatusCode.OK);
        using var invoker = new HttpMessageInvoker(new StripeBudgetHandler(budget, TimeProvider.System) { InnerHandler = stripe });
        using var _ = StripeLanes.Enter(StripeLane.Interactive);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await invoker.SendAsync(Get(), CancellationToken.None));

        answers.Select(a => a.StatusCode).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        answers[2].Headers.GetValues("Stripe-Should-Retry").Should().Equal("false");
        (await answers[2].Content.ReadAsStringAsync()).Should().Contain("\"code\":\"rate_limit\"");
        stripe.Calls.Should().Be(2, "the refused request never left the process");
    }

    [Fact]
    public async Task SendAsync_Background429FromStripe_SentAgainUntilAnswered()
    {
        using var budget = new StripeRequestBudget(20, 0.25, TimeSpan.FromSeconds(5), TimeProvider.System);
        var stripe = new ScriptedStripe(HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var invoker = new HttpMessageInvoker(new StripeBudgetHandler(budget, TimeProvider.System) { InnerHandler = stripe });

        var answer = await invoker.SendAsync(Get(), CancellationToken.None);

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        stripe.Calls.Should().Be(2);
    }

    [Fact]
    public async Task SendAsync_Interactive429FromStripe_LeftToStripeNet()
    {
        using var budget = new StripeRequestBudget(20, 0.25, TimeSpan.FromSeconds(5), TimeProvider.System);
        var stripe = new ScriptedStripe(HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var invoker = new HttpMessageInvoker(new StripeBudgetHandler(budget, TimeProvider.System) { InnerHandler = stripe });
        using var _ = StripeLanes.Enter(StripeLane.Interactive);

        var answer = await invoker.SendAsync(Get(), CancellationToken.None);

        answer.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a person is waiting: Stripe.net's short retries, then the busy page");
        stripe.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Enter_InsideATask_LaneFlowsToItAndEndsWithTheScope()
    {
        StripeLanes.Current.Should().Be(StripeLane.Background);
        using (StripeLanes.Enter(StripeLane.Interactive))
        {
            (await Task.Run(() => StripeLanes.Current)).Should().Be(StripeLane.Interactive);
        }

        StripeLanes.Current.Should().Be(StripeLane.Background);
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "http://stripe.test/v1/accounts/acct_1");

    /// <summary>Answers the scripted statuses in turn (the last one from then on), 429s with <c>Stripe-Should-Retry: true</c>.</summary>
    private sealed class ScriptedStripe(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls) - 1;
            var response = new HttpResponseMessage(statuses[Math.Min(call, statuses.Length - 1)]) { Content = new StringContent("{}") };
            if (response.StatusCode == HttpStatusCode.TooManyRequests) response.Headers.Add("Stripe-Should-Retry", "true");
            return Task.FromResult(response);
        }
    }
}
