using Marketplace.Core.Emails;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary><see cref="SubscriptionTrialWillEndHandler"/>: the subscription is applied, and a still trialing creator is emailed once per trial end.</summary>
public sealed class SubscriptionTrialWillEndHandlerTests : IAsyncLifetime
{
    private const string PriceId = "price_bronze_month";
    private static readonly DateTime TrialEnd = DateTime.UtcNow.Date.AddDays(3);
    private HandlerHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await HandlerHarness.CreateAsync();
        await _harness.SyncPriceAsync(PriceId);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> TrialingCreatorAsync(string? email, Subscription nowInStripe)
    {
        var creatorId = await _harness.AddCreatorAsync(email);
        await _harness.SubscribeAsync(creatorId, Subscription("sub_trial", "cus_1", PriceId, status: "trialing", trialEnd: TrialEnd));
        _harness.Stripe.GetSubscriptionAsync("sub_trial", Arg.Any<CancellationToken>()).Returns(nowInStripe);
        return creatorId;
    }

    private static TestEvent Event(string? subscriptionId = "sub_trial") =>
        TestEvent.Of(StripeEventTypes.CustomerSubscriptionTrialWillEnd, subscriptionId, "subscription");

    [Fact]
    public async Task HandleAsync_StillTrialing_QueuesOneTrialEmailKeyedBySubscriptionAndTrialEnd()
    {
        await TrialingCreatorAsync("creator@example.com", Subscription("sub_trial", "cus_1", PriceId, status: "trialing", trialEnd: TrialEnd));

        var reason = await _harness.HandleAsync<SubscriptionTrialWillEndHandler>(Event());

        reason.Should().BeNull();
        var email = (await _harness.EmailsAsync()).Should().ContainSingle().Which;
        (email.Kind, email.Key, email.To).Should().Be((EmailKinds.TrialWillEnd, $"sub_trial:{new DateTimeOffset(TrialEnd).ToUnixTimeSeconds()}", "creator@example.com"));
    }

    [Fact]
    public async Task HandleAsync_DeliveredTwice_StillOneTrialEmail()
    {
        await TrialingCreatorAsync("creator@example.com", Subscription("sub_trial", "cus_1", PriceId, status: "trialing", trialEnd: TrialEnd));

        await _harness.HandleAsync<SubscriptionTrialWillEndHandler>(Event());
        var reason = await _harness.HandleAsync<SubscriptionTrialWillEndHandler>(Event());

        reason.Should().BeNull();
        (await _harness.EmailsAsync()).Should().ContainSingle(e => e.Kind == EmailKinds.TrialWillEnd);
    }

    [Fact]
    public async Task HandleAsync_StripeSaysTheTrialAlreadyEnded_IgnoredWithoutEmail()
    {
        // Stripe keeps trial_end on a subscription whose trial ended (paid early, or ended by the Dashboard).
        var creatorId = await TrialingCreatorAsync("creator@example.com", Subscription("sub_trial", "cus_1", PriceId, status: "active", trialEnd: TrialEnd));

        var reason = await _harness.HandleAsync<SubscriptionTrialWillEndHandler>(Event());

        reason.Should().Be("subscription is no longer trialing");
        (await _harness.EmailsAsync()).Should().NotContain(e => e.Kind == EmailKinds.TrialWillEnd);
        (await _harness.SubscriptionOfAsync(creatorId)).Status.Should().Be(Core.Subscriptions.SubscriptionStatus.Active, "the refetch is applied all the same");
    }

    [Fact]
    public async Task HandleAsync_CreatorWithoutEmail_IgnoredWithoutEmail()
    {
        await TrialingCreatorAsync(null, Subscription("sub_trial", "cus_1", PriceId, status: "trialing", trialEnd: TrialEnd));

        var reason = await _harness.HandleAsync<SubscriptionTrialWillEndHandler>(Event());

        reason.Should().Be("the creator has no email");
        (await _harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoSubscription_IgnoredWithoutStripeCall()
    {
        var reason = await _harness.HandleAsync<SubscriptionTrialWillEndHandler>(Event(null));

        reason.Should().Be("event names no subscription");
        await _harness.Stripe.DidNotReceiveWithAnyArgs().GetSubscriptionAsync(default!, default);
    }
}
