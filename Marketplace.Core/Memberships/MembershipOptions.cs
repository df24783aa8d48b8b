namespace Marketplace.Core.Memberships;

/// <summary>Settings of memberships (section <c>Memberships</c>).</summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Memberships";

    /// <summary>How long a <c>past_due</c> member keeps access after the unpaid period's end (default 7 days).</summary>
    public TimeSpan PastDueGrace { get; set; } = TimeSpan.FromDays(7);
}
