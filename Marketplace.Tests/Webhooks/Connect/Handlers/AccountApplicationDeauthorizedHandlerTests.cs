using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.Tests.Webhooks.Handlers;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.Tests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.Tests.Webhooks.Connect.Handlers;

/// <summary>
/// <see cref="AccountApplicationDeauthorizedHandler"/>: the account is marked deauthorized only when Stripe confirms it
/// can no longer serve it (403 <c>account_invalid</c>, 404 <c>resource_missing</c>).
/// </summary>
public sealed class AccountApplicationDeauthorizedHandlerTests : IAsyncLifetime
{
    private HandlerHarness _harness = null!;
    private int _creatorId;

    public async Task InitializeAsync()
    {
        _harness = await HandlerHarness.CreateAsync();
        _creatorId = await _harness.AddCreatorAsync();
        await _harness.LinkAccountAsync(_creatorId, "acct_1");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static TestEvent Deauthorized(string? accountId = "acct_1") =>
        TestEvent.Of(StripeEventTypes.AccountApplicationDeauthorized, "ca_platform", "application", account: accountId);

    public static TheoryData<string> Absences => new() { "account_invalid", "resource_missing" };

    private void StripeAnswers(string absence) => _harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>())
        .ThrowsAsync(absence == "account_invalid" ? AccountInvalid() : ResourceMissing("account: 'acct_1'"));

    [Theory]
    [MemberData(nameof(Absences))]
    public async Task HandleAsync_StripeNoLongerServesTheAccount_MarkedDeauthorized(string absence)
    {
        StripeAnswers(absence);

        var reason = await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        reason.Should().BeNull();
        (await _harness.AccountOfAsync(_creatorId))!.IsDeauthorized.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_DeliveredTwice_StaysDeauthorizedAndDone()
    {
        StripeAnswers("account_invalid");

        await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());
        var reason = await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        reason.Should().BeNull();
        (await _harness.AccountOfAsync(_creatorId))!.IsDeauthorized.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_StripeStillServesTheAccount_IgnoredAndStateRefreshedInstead()
    {
        _harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).Returns(Account("acct_1"));

        var reason = await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        reason.Should().Contain("Stripe still serves account acct_1").And.Contain("not confirmed");
        (await _harness.AccountOfAsync(_creatorId)).Should().Match<CreatorStripeAccount>(a => !a.IsDeauthorized && a.OnboardingStatus == OnboardingStatus.Complete);
    }

    [Fact]
    public async Task HandleAsync_StripeAnswers500_RethrownAndNotDeauthorized()
    {
        _harness.Stripe.GetAccountAsync("acct_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized());

        await act.Should().ThrowAsync<StripeException>();
        (await _harness.AccountOfAsync(_creatorId))!.IsDeauthorized.Should().BeFalse("an outage proves nothing");
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreatorThatStripeNoLongerServes_Ignored()
    {
        _harness.Stripe.GetAccountAsync("acct_stranger", Arg.Any<CancellationToken>()).ThrowsAsync(AccountInvalid());

        var reason = await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized("acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
        (await _harness.AccountOfAsync(_creatorId))!.IsDeauthorized.Should().BeFalse();
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreatorThatStripeServes_Ignored()
    {
        _harness.Stripe.GetAccountAsync("acct_stranger", Arg.Any<CancellationToken>()).Returns(Account("acct_stranger"));

        var reason = await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized("acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
    }

    [Fact]
    public async Task HandleAsync_PlatformEventWithoutAccount_IgnoredWithoutStripeCall()
    {
        var reason = await _harness.HandleAsync<AccountApplicationDeauthorizedHandler>(Deauthorized(null));

        reason.Should().Be("event names no account");
        _harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
