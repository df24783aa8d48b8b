using Marketplace.Core.Data;
using Marketplace.Files;
using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Deliveries;

/// <summary>
/// The buyer's side of listing files: the links an order's page shows (fresh on every view) and the checks a download
/// goes through (token, the order's access, the per-file count), logging each download as a <see cref="FileDownload"/>.
/// </summary>
public sealed class OrderDownloads(MarketplaceDbContext db, IFileStore store, DownloadLinks links, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <summary>True when the order's buyer may download its files: the one delivery rule, <see cref="Order.GrantsDelivery"/>.</summary>
    public static bool HasAccess(OrderStatus status) => Order.GrantsDelivery(status);

    /// <summary>The current files of each given order that has access, with a fresh token each, by order id (orders without access are absent).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<OrderFileLink>>> ForOrdersAsync(IEnumerable<Order> orders, CancellationToken cancellationToken = default)
    {
        var open = orders.Where(o => HasAccess(o.Status)).ToList();
        if (open.Count == 0) return new Dictionary<int, IReadOnlyList<OrderFileLink>>();
        var listingIds = open.Select(o => o.ListingId).Distinct().ToList();
        var files = await db.ListingFiles.AsNoTracking().Where(f => listingIds.Contains(f.ListingId)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return open.ToDictionary(o => o.Id, o => (IReadOnlyList<OrderFileLink>)[.. files.Where(f => f.ListingId == o.ListingId).Select(f =>
            new OrderFileLink(f.Id, f.OriginalName, f.ContentType, f.SizeBytes, f.Sha256, links.Create(o.Id, f.Id),
                f.ReplacedAt is { } replaced && o.PaidAt is { } paid && replaced > paid))]);
    }

    /// <summary>
    /// Checks a download and opens the file: Invalid (tampered or foreign token, or a file not of the order's listing),
    /// Expired, Revoked (the order no longer has access), Gone (the file was deleted), LimitReached
    /// (<c>MaxDownloadsPerFile</c> counted downloads), Unavailable (the store did not answer), else Ready with the file's
    /// path on this disk (the local store), the store's own short-lived URL (an S3 presigned GET) to redirect to, or
    /// else a seekable stream. A request from the first byte
    /// (<paramref name="counts"/>) is logged and counted; a resumed range is served without counting.
    /// </summary>
    public async Task<DownloadStart> StartAsync(string? token, bool counts, CancellationToken cancellationToken = default)
    {
        var link = links.Read(token);
        if (link.State == DownloadLinkState.Invalid) return new(DownloadOutcome.Invalid);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == link.OrderId).Select(o => new { o.Id, o.ListingId, o.Status, o.PublicToken })
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null) return new(DownloadOutcome.Invalid);
        if (link.State == DownloadLinkState.Expired) return new(DownloadOutcome.Expired, OrderToken: order.PublicToken);
        if (!HasAccess(order.Status)) return new(DownloadOutcome.Revoked, OrderToken: order.PublicToken);
        var file = await db.ListingFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == link.FileId, cancellationToken);
        if (file is null) return new(DownloadOutcome.Gone, OrderToken: order.PublicToken);
        if (file.ListingId != order.ListingId) return new(DownloadOutcome.Invalid);
        if (counts)
        {
            var max = options.Value.MaxDownloadsPerFile;
            var count = await db.FileDownloads.CountAsync(d => d.OrderId == order.Id && d.ListingFileId == file.Id && d.Counted, cancellationToken);
            if (count >= max) return new(DownloadOutcome.LimitReached, file, OrderToken: order.PublicToken);
        }

        Stream? stream = null;
        string? localPath = null;
        Uri? direct;
        try
        {
            // An object store (S3) hands out its own short-lived URL; the local disk answers null and its file's path,
            // which the web server sends itself; a store with neither gives a stream the app copies out.
            direct = await store.GetSizeAsync(file.StoreKey, cancellationToken) is null ? null
                : await store.GetDirectDownloadUrlAsync(file.StoreKey, file.OriginalName, file.ContentType,
                    TimeSpan.FromMinutes(options.Value.DownloadLinkMinutes), cancellationToken);
            if (direct is null) localPath = store.GetLocalPath(file.StoreKey);
            if (direct is null && localPath is null) stream = await store.OpenReadAsync(file.StoreKey, null, cancellationToken);
        }
        catch (FileStoreUnavailableException)
        {
            return new(DownloadOutcome.Unavailable, file, OrderToken: order.PublicToken);
        }

        if (stream is null && direct is null && localPath is null) return new(DownloadOutcome.Gone, OrderToken: order.PublicToken);
        if (counts)
        {
            db.FileDownloads.Add(new FileDownload(order.Id, file, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(DownloadOutcome.Ready, file, stream, order.PublicToken, direct, localPath);
    }
}

/// <summary>A file on an order's page: id, name, type, size in bytes, SHA-256 hex, the download token, and whether it changed after the purchase.</summary>
public sealed record OrderFileLink(int FileId, string Name, string ContentType, long SizeBytes, string Sha256, string Token, bool ReplacedAfterPurchase);

/// <summary>Where a download stands.</summary>
public enum DownloadOutcome
{
    Ready,
    Invalid,
    Expired,
    Revoked,
    Gone,
    LimitReached,
    Unavailable,
}

/// <summary>
/// The outcome, the file, its open stream (Ready from a store with neither a path nor a URL; the caller disposes it),
/// the order's page token (to send the buyer back for a fresh link), Ready from an object store the presigned URL to
/// redirect to, and Ready from the local disk the file's full path for the web server to send.
/// </summary>
public sealed record DownloadStart(DownloadOutcome Outcome, ListingFile? File = null, Stream? Stream = null, string? OrderToken = null, Uri? RedirectUrl = null,
    string? LocalPath = null);
