using System.Text.Json;
using Marketplace.Core.Connect;
using Stripe;

namespace Marketplace.UnitTests.Connect;

/// <summary>
/// <see cref="CreatorStripeAccount.ApplyStripeAccount"/> fed with real <c>account.updated</c> payloads (TestData),
/// the account object parsed by Stripe.net as the Connect handler receives it.
/// </summary>
public sealed class OnboardingStatusPayloadTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("account.updated__djstripe__2.json", OnboardingStatus.Complete)] // express, enabled, nothing due
    [InlineData("account.updated__pay__1.json", OnboardingStatus.Complete)] // standard, enabled, nothing due
    [InlineData("account.updated__djstripe__1.json", OnboardingStatus.NeedsAttention)] // standard, past-due requirements
    [InlineData("account.updated__zulip__1.json", OnboardingStatus.Pending)] // details submitted, not enabled yet
    public void ApplyStripeAccount_RealAccountUpdatedPayload_DerivesOnboardingStatus(string file, OnboardingStatus expected)
    {
        var account = ParseAccount(file);
        var row = new CreatorStripeAccount(1, "acct_123");

        row.ApplyStripeAccount(account.ChargesEnabled, account.PayoutsEnabled, account.DetailsSubmitted,
            account.Requirements?.CurrentlyDue ?? [], account.Requirements?.DisabledReason, Now, null,
            account.Requirements?.PastDue, account.Requirements?.CurrentDeadline, account.Capabilities?.Transfers);

        row.OnboardingStatus.Should().Be(expected);
    }

    [Fact]
    public void ApplyStripeAccount_IncompleteStandardWithPastDueRequirements_GuardListsWhatIsMissing()
    {
        var account = ParseAccount("account.updated__djstripe__1.json");
        var row = new CreatorStripeAccount(1, "acct_123");
        row.ApplyStripeAccount(account.ChargesEnabled, account.PayoutsEnabled, account.DetailsSubmitted,
            account.Requirements!.CurrentlyDue, account.Requirements.DisabledReason, Now, null,
            account.Requirements.PastDue, account.Requirements.CurrentDeadline, account.Capabilities?.Transfers);

        var result = PaymentEligibility.Evaluate(new CreatorPaymentFacts(true, Core.Creators.CreatorStatus.Active, true, row.ChargesEnabled,
            row.PayoutsEnabled, row.DetailsSubmitted, row.RequirementsCurrentlyDue, row.RequirementsPastDue, row.TransfersCapability, row.DisabledReason, false, false, null));

        row.DisabledReason.Should().Be("requirements.past_due");
        result.UnmetCodes.Should().Equal(PaymentEligibilityCodes.ChargesDisabled, PaymentEligibilityCodes.PayoutsDisabled,
            PaymentEligibilityCodes.OnboardingIncomplete);
        StripeRequirementWords.Describe(row.RequirementsCurrentlyDue).Should().Contain(["A bank account for payouts", "Accepting Stripe’s terms of service"])
            .And.OnlyHaveUniqueItems();
    }

    private static Account ParseAccount(string file)
    {
        var json = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "stripe-events", file));
        using var doc = JsonDocument.Parse(json);
        return Account.FromJson(doc.RootElement.GetProperty("data").GetProperty("object").GetRawText());
    }
}
