using Marketplace.Core.Connect;

namespace Marketplace.UnitTests.Connect;

public sealed class StripeRequirementWordsTests
{
    [Fact]
    public void Describe_DateOfBirthParts_OneItem()
    {
        StripeRequirementWords.Describe(["individual.dob.day", "individual.dob.month", "individual.dob.year", "external_account"])
            .Should().Equal("Your date of birth", "A bank account for payouts");
    }

    [Fact]
    public void Describe_UnknownField_ReadableWithoutDotsOrUnderscores()
    {
        StripeRequirementWords.Describe("company.tax_id").Should().Be("Company tax id");
    }

    [Theory]
    [InlineData("requirements.past_due", "required information is overdue")]
    [InlineData("rejected.fraud", "Stripe rejected the account because of suspected fraud")]
    [InlineData("something.new_reason", "something new reason")]
    public void DisabledReason_StripeCode_PlainWords(string reason, string expected)
    {
        StripeRequirementWords.DisabledReason(reason).Should().Be(expected);
    }
}
