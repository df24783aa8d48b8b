using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Connect.Handlers;

/// <summary><see cref="AccountUpdatedHandler"/>: the connected account is refetched and the creator's Connect state updated.</summary>
public sealed class AccountUpdatedHandlerTests : HandlerTests
{
    private static TestEvent Updated(string? accountId, string? objectId = null, DateTime? created = null) =>
        TestEvent.Of(StripeEventTypes.AccountUpdated, objectId ?? accountId, "account", account: accountId, created: created);

    private void StripeHolds(Account account) => Harness.Stripe.GetAccountAsync(account.Id, Arg.Any<CancellationToken>()).Returns(account);

    [Fact]
    public async Task HandleAsync_OnboardedAccount_CreatorsAccountComplete()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        StripeHolds(Account("acct_1"));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_1"));

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId)).Should().Match<CreatorStripeAccount>(a =>
            a.OnboardingStatus == OnboardingStatus.Complete && a.ChargesEnabled && a.PayoutsEnabled && a.LastEventCreatedAt != null);
    }

    [Fact]
    public async Task HandleAsync_RequirementsCurrentlyDue_NeedsAttentionWithTheRequirements()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        StripeHolds(Account("acct_1", charges: false, currentlyDue: ["individual.verification.document"], disabledReason: "requirements.past_due"));

        await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_1"));

        (await Harness.AccountOfAsync(CreatorId)).Should().Match<CreatorStripeAccount>(a =>
            a.OnboardingStatus == OnboardingStatus.NeedsAttention && !a.ChargesEnabled && a.RequirementsCurrentlyDue.Contains("individual.verification.document")
            && a.DisabledReason == "requirements.past_due");
    }

    [Fact]
    public async Task HandleAsync_EventOlderThanTheLastApplied_RefetchedButNotApplied()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        StripeHolds(Account("acct_1"));
        await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_1", created: DateTime.UtcNow));
        StripeHolds(Account("acct_1", charges: false, payouts: false, detailsSubmitted: false));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_1", created: DateTime.UtcNow.AddMinutes(-10)));

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId))!.OnboardingStatus.Should().Be(OnboardingStatus.Complete, "a late, older event never moves the state back");
        await Harness.Stripe.Received(2).GetAccountAsync("acct_1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_PlatformEventNamingTheAccountInDataObject_AccountFromTheObjectId()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        StripeHolds(Account("acct_1"));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(TestEvent.Of(StripeEventTypes.AccountUpdated, "acct_1", "account"));

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId))!.OnboardingStatus.Should().Be(OnboardingStatus.Complete);
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreator_IgnoredWithoutRow()
    {
        StripeHolds(Account("acct_stranger"));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
        (await Harness.AccountOfAsync(CreatorId)).Should().BeNull();
    }

    [Fact]
    public async Task HandleAsync_UnlinkedAccountWhoseMetadataNamesTheCreator_LinkedToTheCreator()
    {
        StripeHolds(Account("acct_orphan", creatorId: CreatorId));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_orphan"));

        reason.Should().BeNull("the app stopped between Stripe's create and our insert");
        (await Harness.AccountOfAsync(CreatorId))!.StripeAccountId.Should().Be("acct_orphan");
    }

    [Fact]
    public async Task HandleAsync_MetadataNamesACreatorWhoHasAnotherAccount_IgnoredAndTheirAccountKept()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        StripeHolds(Account("acct_second", creatorId: CreatorId));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_second"));

        reason.Should().Be("account acct_second is not a creator's");
        (await Harness.AccountOfAsync(CreatorId))!.StripeAccountId.Should().Be("acct_1");
    }

    [Fact]
    public async Task HandleAsync_StripeAnswers500_RethrownAndNothingChanged()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<AccountUpdatedHandler>(Updated("acct_1"));

        await act.Should().ThrowAsync<StripeException>();
        (await Harness.AccountOfAsync(CreatorId))!.OnboardingStatus.Should().Be(OnboardingStatus.NotStarted);
    }

    [Fact]
    public async Task HandleAsync_RealAccountUpdatedPayload_AccountRefetchedByItsId()
    {
        var stripeEvent = TestEvent.Sample("account.updated__stripe-ruby-mock__1.json");
        var accountId = stripeEvent.Envelope.Account ?? stripeEvent.Envelope.ObjectId!;
        await Harness.LinkAccountAsync(CreatorId, accountId);
        StripeHolds(Account(accountId));

        var reason = await Harness.HandleAsync<AccountUpdatedHandler>(stripeEvent);

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId))!.OnboardingStatus.Should().Be(OnboardingStatus.Complete);
    }
}
