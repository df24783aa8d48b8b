namespace Marketplace.Core.Moderation;

/// <summary>The audit of moderation: who (admin user id and email), when (UTC), what (shop or listing, its new state) and why.</summary>
public sealed class ModerationLogEntry
{
    private ModerationLogEntry()
    {
    }

    /// <summary>One admin decision.</summary>
    /// <param name="target"><see cref="ShopTarget"/> or <see cref="ListingTarget"/>.</param>
    /// <param name="targetId">The creator profile id or the listing id.</param>
    /// <param name="change">The new state in words, e.g. <c>Hidden</c>, <c>Visible, featured #2</c>.</param>
    public ModerationLogEntry(string target, int targetId, string change, string? reason, string adminUserId, string adminEmail, DateTime at)
    {
        Target = target;
        TargetId = targetId;
        Change = change;
        Reason = reason;
        AdminUserId = adminUserId;
        AdminEmail = adminEmail;
        At = at;
    }

    public const string ShopTarget = "shop";
    public const string ListingTarget = "listing";

    public int Id { get; private set; }

    public string Target { get; private set; } = "";

    public int TargetId { get; private set; }

    public string Change { get; private set; } = "";

    public string? Reason { get; private set; }

    public string AdminUserId { get; private set; } = "";

    /// <summary>The admin's email when they acted (kept if the account goes).</summary>
    public string AdminEmail { get; private set; } = "";

    public DateTime At { get; private set; }
}
