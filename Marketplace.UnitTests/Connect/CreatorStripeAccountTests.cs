using Marketplace.Core.Connect;

namespace Marketplace.UnitTests.Connect;

public sealed class CreatorStripeAccountTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true, true, true, new string[0], null, OnboardingStatus.Complete)]
    [InlineData(false, false, true, new string[0], null, OnboardingStatus.Pending)]
    [InlineData(false, false, false, new[] { "individual.dob.day" }, null, OnboardingStatus.NeedsAttention)]
    [InlineData(true, false, true, new string[0], "requirements.past_due", OnboardingStatus.NeedsAttention)]
    [InlineData(false, false, false, new string[0], null, OnboardingStatus.NotStarted)]
    public void ApplyStripeAccount_AccountState_DerivesOnboardingStatus(bool charges, bool payouts, bool details, string[] due,
        string? disabledReason, OnboardingStatus expected)
    {
        var account = new CreatorStripeAccount(1, "acct_123");

        account.ApplyStripeAccount(charges, payouts, details, due, disabledReason, Now);

        account.OnboardingStatus.Should().Be(expected);
    }

    [Fact]
    public void ApplyStripeAccount_CurrentlyDueBeforeDeadline_CompleteWithDeadlineKept()
    {
        var account = new CreatorStripeAccount(1, "acct_123");

        account.ApplyStripeAccount(true, true, true, ["individual.verification.document"], null, Now, null, [], Now.AddDays(14), "active");

        account.OnboardingStatus.Should().Be(OnboardingStatus.Complete);
        account.RequirementsDeadline.Should().Be(Now.AddDays(14));
        account.TransfersCapability.Should().Be("active");
    }

    [Fact]
    public void ApplyStripeAccount_DeadlinePassedPastDue_NeedsAttention()
    {
        var account = new CreatorStripeAccount(1, "acct_123");

        account.ApplyStripeAccount(false, false, true, ["external_account"], "requirements.past_due", Now, null, ["external_account"], Now.AddDays(-1), "inactive");

        account.OnboardingStatus.Should().Be(OnboardingStatus.NeedsAttention);
        account.RequirementsPastDue.Should().Equal("external_account");
    }

    [Fact]
    public void ApplyStripeAccount_OlderEventAfterNewer_ChangesNothing()
    {
        var account = new CreatorStripeAccount(1, "acct_123");
        account.ApplyStripeAccount(true, true, true, [], null, Now, eventCreatedAt: Now);

        var applied = account.ApplyStripeAccount(false, false, false, ["x"], null, Now, eventCreatedAt: Now.AddSeconds(-5));

        applied.Should().BeFalse();
        account.OnboardingStatus.Should().Be(OnboardingStatus.Complete);
    }
}
