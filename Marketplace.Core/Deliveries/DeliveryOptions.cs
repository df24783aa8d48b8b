using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Deliveries;

/// <summary>Listing files and their download links, section <c>Listings</c>.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Listings";

    /// <summary>The largest file a creator may upload, in bytes; 2 GiB by default.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long a download link works after the page that made it was shown; 15 minutes by default.</summary>
    [Range(1, 7 * 24 * 60)]
    public int DownloadLinkMinutes { get; set; } = 15;

    /// <summary>How many downloads of one file one order may start until the creator resets the count; 20 by default.</summary>
    [Range(1, 100_000)]
    public int MaxDownloadsPerFile { get; set; } = 20;

    /// <summary>
    /// The file storage each plan allows, in bytes, by plan code (<c>Listings:StorageBytesByPlan:GOLD</c>); a plan not
    /// named (one an admin added) gets <c>FREE</c>'s. Defaults: Free 1 GiB, Bronze 10 GiB, Silver 50 GiB, Gold 200 GiB, Platinum 1 TiB.
    /// </summary>
    public Dictionary<string, long> StorageBytesByPlan { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The storage of plan <paramref name="planCode"/> in bytes (see <see cref="StorageBytesByPlan"/>).</summary>
    public long StorageBytesFor(string? planCode)
    {
        if (planCode is not null && StorageBytesByPlan.TryGetValue(planCode, out var configured)) return configured;
        if (planCode is not null && DefaultStorage.TryGetValue(planCode, out var standard)) return standard;
        return StorageBytesByPlan.TryGetValue(Plans.PlanCodes.Free, out var free) ? free : DefaultStorage[Plans.PlanCodes.Free];
    }

    private const long GiB = 1024L * 1024 * 1024;

    private static readonly Dictionary<string, long> DefaultStorage = new(StringComparer.OrdinalIgnoreCase)
    {
        [Plans.PlanCodes.Free] = 1 * GiB,
        [Plans.PlanCodes.Bronze] = 10 * GiB,
        [Plans.PlanCodes.Silver] = 50 * GiB,
        [Plans.PlanCodes.Gold] = 200 * GiB,
        [Plans.PlanCodes.Platinium] = 1024 * GiB,
    };
}
