using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.Tests.Webhooks.Handlers;
using NSubstitute;
using static Marketplace.Tests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.Tests.Webhooks.Connect.Handlers;

/// <summary><see cref="CapabilityUpdatedHandler"/>: a capability changed, so the whole account is refetched.</summary>
public sealed class CapabilityUpdatedHandlerTests : IAsyncLifetime
{
    private HandlerHarness _harness = null!;
    private int _creatorId;

    public async Task InitializeAsync()
    {
        _harness = await HandlerHarness.CreateAsync();
        _creatorId = await _harness.AddCreatorAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task HandleAsync_RealCapabilityPayload_AccountOfTheEventRefetchedAndApplied()
    {
        var stripeEvent = TestEvent.Sample("capability.updated__stripe-openapi__1.json");
        await _harness.LinkAccountAsync(_creatorId, stripeEvent.Envelope.Account!);
        _harness.Stripe.GetAccountAsync(stripeEvent.Envelope.Account!, Arg.Any<CancellationToken>())
            .Returns(Account(stripeEvent.Envelope.Account!, payouts: false));

        var reason = await _harness.HandleAsync<CapabilityUpdatedHandler>(stripeEvent);

        reason.Should().BeNull();
        (await _harness.AccountOfAsync(_creatorId)).Should().Match<CreatorStripeAccount>(a => a.ChargesEnabled && !a.PayoutsEnabled && a.OnboardingStatus == OnboardingStatus.Pending);
        await _harness.Stripe.DidNotReceive().GetAccountAsync("card_payments", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_NoEventAccount_AccountTakenFromDataObjectAccount()
    {
        await _harness.LinkAccountAsync(_creatorId, "acct_1");
        _harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1"));
        var stripeEvent = TestEvent.Of(StripeEventTypes.CapabilityUpdated, "transfers", "capability", fields: new Dictionary<string, object?> { ["account"] = "acct_1" });

        var reason = await _harness.HandleAsync<CapabilityUpdatedHandler>(stripeEvent);

        reason.Should().BeNull();
        (await _harness.AccountOfAsync(_creatorId))!.OnboardingStatus.Should().Be(OnboardingStatus.Complete);
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreator_Ignored()
    {
        _harness.Stripe.GetAccountAsync("acct_stranger", Arg.Any<CancellationToken>()).Returns(Account("acct_stranger"));

        var reason = await _harness.HandleAsync<CapabilityUpdatedHandler>(TestEvent.Of(StripeEventTypes.CapabilityUpdated, "transfers", "capability", account: "acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoAccount_IgnoredWithoutStripeCall()
    {
        var reason = await _harness.HandleAsync<CapabilityUpdatedHandler>(TestEvent.Of(StripeEventTypes.CapabilityUpdated, "transfers", "capability"));

        reason.Should().Be("event names no account");
        _harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
