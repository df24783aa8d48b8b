using Marketplace.Core.Memberships;
using Marketplace.Core.Memberships.Posts;

namespace Marketplace.UnitTests.Memberships;

/// <summary>Who reads a post: Stripe's status of the membership (with the past_due grace) and the tier "and above" by monthly price.</summary>
public sealed class MembershipPostAccessTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    [Theory]
    [InlineData("active", 10, true)]
    [InlineData("trialing", 10, true)]
    [InlineData("past_due", -3, true)]
    [InlineData("past_due", -8, false)]
    [InlineData("canceled", 10, false)]
    [InlineData("unpaid", 10, false)]
    [InlineData("incomplete", 10, false)]
    public void Admits_MembersPostByStatus_FollowsStripeWithGrace(string status, int periodEndInDays, bool reads)
    {
        var supporter = Tier(1, 500, "eur");
        var post = new MembershipPost(7, "News", "Body", PostVisibility.Members, null, Now);

        post.Admits(Member(supporter, status, Now.AddDays(periodEndInDays)), Now, Grace).Should().Be(reads);
    }

    [Fact]
    public void Admits_PublicPost_EveryoneReadsEvenVisitors()
    {
        var post = new MembershipPost(7, "Hello", "Body", PostVisibility.Public, null, Now);

        post.Admits(null, Now, Grace).Should().BeTrue();
    }

    [Fact]
    public void Admits_MembersPost_VisitorAndOtherCreatorsMemberDoNotRead()
    {
        var post = new MembershipPost(7, "News", "Body", PostVisibility.Members, null, Now);
        var otherCreatorsTier = Tier(9, 500, "eur", creator: 8);

        post.Admits(null, Now, Grace).Should().BeFalse();
        post.Admits(Member(otherCreatorsTier, "active", Now.AddDays(10)), Now, Grace).Should().BeFalse();
    }

    [Fact]
    public void Admits_TierAndAbove_SameOrDearerTierInSameCurrencyReadsCheaperOrOtherCurrencyDoesNot()
    {
        var (supporter, patron, dearerUsd, champion) = (Tier(1, 500, "eur"), Tier(2, 1000, "eur"), Tier(3, 5000, "usd"), Tier(4, 2500, "eur"));
        var post = new MembershipPost(7, "Extras", "Body", PostVisibility.TierAndAbove, patron, Now);
        bool Reads(MembershipTier tier) => post.Admits(Member(tier, "active", Now.AddDays(10)), Now, Grace);

        (Reads(supporter), Reads(patron), Reads(champion), Reads(dearerUsd)).Should().Be((false, true, true, false));
    }

    [Fact]
    public void Update_TierAndAboveWithoutTier_Refused()
    {
        var act = () => new MembershipPost(7, "Extras", "Body", PostVisibility.TierAndAbove, null, Now);

        act.Should().Throw<Marketplace.Core.DomainException>().Which.Text.Template.Should().Be("Choose the tier the post is for.");
    }

    private static MembershipTier Tier(int id, long monthlyMinor, string currency, int creator = 7)
    {
        var tier = new MembershipTier(creator, $"Tier {id}", null, null, monthlyMinor, currency, null, true, Now);
        typeof(MembershipTier).GetProperty(nameof(MembershipTier.Id))!.SetValue(tier, id);
        return tier;
    }

    private static Membership Member(MembershipTier tier, string status, DateTime periodEnd)
    {
        var membership = new Membership("user-1", tier, Now.AddMonths(-2));
        membership.ApplyStripe("sub_1", "cus_1", status, periodEnd, false, tier.MonthlyAmountMinor, tier.Currency, MembershipInterval.Month, Now);
        typeof(Membership).GetProperty(nameof(Membership.Tier))!.SetValue(membership, tier);
        return membership;
    }
}
