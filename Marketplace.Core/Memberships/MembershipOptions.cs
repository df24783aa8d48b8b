namespace Marketplace.Core.Memberships;

/// <summary>Settings of memberships (section <c>Memberships</c>).</summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Memberships";

    /// <summary>How long a <c>past_due</c> member keeps access after the unpaid period's end (default 7 days).</summary>
    public TimeSpan PastDueGrace { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most one post email per member of a creator in this time (default 1 hour): a post published sooner after the last email is not mailed to that member (it is on the creator's page).</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan PostEmailInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the "no more post emails" link of a post email works (default 365 days).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int PostEmailOptOutDays { get; set; } = 365;
}
