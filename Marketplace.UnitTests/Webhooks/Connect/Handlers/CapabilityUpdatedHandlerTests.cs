using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Connect.Handlers;

/// <summary><see cref="CapabilityUpdatedHandler"/>: a capability changed, so the whole account is refetched.</summary>
public sealed class CapabilityUpdatedHandlerTests : HandlerTests
{
    [Fact]
    public async Task HandleAsync_RealCapabilityPayload_AccountOfTheEventRefetchedAndApplied()
    {
        var stripeEvent = TestEvent.Sample("capability.updated__stripe-openapi__1.json");
        await Harness.LinkAccountAsync(CreatorId, stripeEvent.Envelope.Account!);
        Harness.Stripe.GetAccountAsync(stripeEvent.Envelope.Account!, Arg.Any<CancellationToken>())
            .Returns(Account(stripeEvent.Envelope.Account!, payouts: false));

        var reason = await Harness.HandleAsync<CapabilityUpdatedHandler>(stripeEvent);

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId)).Should().Match<CreatorStripeAccount>(a => a.ChargesEnabled && !a.PayoutsEnabled && a.OnboardingStatus == OnboardingStatus.Pending);
        await Harness.Stripe.DidNotReceive().GetAccountAsync("card_payments", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_NoEventAccount_AccountTakenFromDataObjectAccount()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1"));
        var stripeEvent = TestEvent.Of(StripeEventTypes.CapabilityUpdated, "transfers", "capability", fields: new Dictionary<string, object?> { ["account"] = "acct_1" });

        var reason = await Harness.HandleAsync<CapabilityUpdatedHandler>(stripeEvent);

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId))!.OnboardingStatus.Should().Be(OnboardingStatus.Complete);
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreator_Ignored()
    {
        Harness.Stripe.GetAccountAsync("acct_stranger", Arg.Any<CancellationToken>()).Returns(Account("acct_stranger"));

        var reason = await Harness.HandleAsync<CapabilityUpdatedHandler>(TestEvent.Of(StripeEventTypes.CapabilityUpdated, "transfers", "capability", account: "acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoAccount_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<CapabilityUpdatedHandler>(TestEvent.Of(StripeEventTypes.CapabilityUpdated, "transfers", "capability"));

        reason.Should().Be("event names no account");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
