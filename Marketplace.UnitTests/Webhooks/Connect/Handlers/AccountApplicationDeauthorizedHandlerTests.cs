using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.UnitTests.Webhooks.Handlers;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Connect.Handlers;

/// <summary>
/// <see cref="AccountApplicationDeauthorizedHandler"/>: the account is marked deauthorized only when Stripe confirms it
/// can no longer serve it (403 <c>account_invalid</c>, 404 <c>resource_missing</c>).
/// </summary>
public sealed class AccountApplicationDeauthorizedHandlerTests : HandlerTests
{
    protected override async Task ArrangeAsync()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
    }

    private static TestEvent Deauthorized(string? accountId = "acct_1") =>
        TestEvent.Of(StripeEventTypes.AccountApplicationDeauthorized, "ca_platform", "application", account: accountId);

    public static TheoryData<string> Absences => new() { "account_invalid", "resource_missing" };

    private void StripeAnswers(string absence) => Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>())
        .ThrowsAsync(absence == "account_invalid" ? AccountInvalid() : ResourceMissing("account: 'acct_1'"));

    [Theory]
    [MemberData(nameof(Absences))]
    public async Task HandleAsync_StripeNoLongerServesTheAccount_MarkedDeauthorized(string absence)
    {
        StripeAnswers(absence);

        var reason = await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId))!.IsDeauthorized.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_DeliveredTwice_StaysDeauthorizedAndDone()
    {
        StripeAnswers("account_invalid");

        await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());
        var reason = await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        reason.Should().BeNull();
        (await Harness.AccountOfAsync(CreatorId))!.IsDeauthorized.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_StripeStillServesTheAccount_IgnoredAndStateRefreshedInstead()
    {
        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1"));

        var reason = await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        reason.Should().Contain("Stripe still serves account acct_1").And.Contain("not confirmed");
        (await Harness.AccountOfAsync(CreatorId)).Should().Match<CreatorStripeAccount>(a => !a.IsDeauthorized && a.OnboardingStatus == OnboardingStatus.Complete);
    }

    [Fact]
    public async Task HandleAsync_StripeAnswers500_RethrownAndNotDeauthorized()
    {
        Harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        await act.Should().ThrowAsync<StripeException>();
        (await Harness.AccountOfAsync(CreatorId))!.IsDeauthorized.Should().BeFalse("an outage proves nothing");
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreatorThatStripeNoLongerServes_Ignored()
    {
        Harness.Stripe.GetAccountAsync("acct_stranger", Arg.Any<CancellationToken>()).ThrowsAsync(AccountInvalid());

        var reason = await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized("acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
        (await Harness.AccountOfAsync(CreatorId))!.IsDeauthorized.Should().BeFalse();
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreatorThatStripeServes_Ignored()
    {
        Harness.Stripe.GetAccountAsync("acct_stranger", Arg.Any<CancellationToken>()).Returns(Account("acct_stranger"));

        var reason = await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized("acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
    }

    [Fact]
    public async Task HandleAsync_PlatformEventWithoutAccount_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized(null));

        reason.Should().Be("event names no account");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
