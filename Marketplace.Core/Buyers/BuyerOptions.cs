using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Buyers;

/// <summary>The <c>Buyers:</c> settings of "find my orders" by email, validated at start (each at least 1).</summary>
public sealed class BuyerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Buyers";

    /// <summary>How long a one-time "find my orders" link works, minutes; default 30.</summary>
    [Range(1, int.MaxValue)]
    public int OrdersLinkMinutes { get; set; } = 30;

    /// <summary>"Find my orders" requests per client address per minute (then 429); default 5.</summary>
    [Range(1, int.MaxValue)]
    public int OrdersLinkPerAddressPerMinute { get; set; } = 5;

    /// <summary>"Find my orders" emails per address per hour (past it the page answers the same and sends nothing); default 3.</summary>
    [Range(1, int.MaxValue)]
    public int OrdersLinkPerEmailPerHour { get; set; } = 3;
}
