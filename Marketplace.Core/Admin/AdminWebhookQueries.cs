using System.Text.Encodings.Web;
using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Paging;

namespace Marketplace.Core.Admin;

/// <summary>One inbox row in the admin list (no payload); <see cref="LastError"/> as stored (≤ 4000 characters).</summary>
public sealed record AdminWebhookRow(
    long Id,
    string StripeEventId,
    WebhookEndpointKind Endpoint,
    string Type,
    string? ConnectedAccountId,
    WebhookEventStatus Status,
    int Attempts,
    string? LastError,
    DateTime ReceivedAt,
    DateTime? ProcessedAt,
    string? HangfireJobId,
    string? ClaimToken);

/// <summary>How many inbox rows received in the window have one status.</summary>
public sealed record WebhookStatusCount(WebhookEventStatus Status, int Count);

/// <summary>The filters of <c>/admin/webhooks</c>; null means any.</summary>
public sealed record WebhookFilter(WebhookEndpointKind? Endpoint, string? Type, WebhookEventStatus? Status);

/// <summary>Reads the webhook inbox (<see cref="StripeWebhookEvent"/>) for <c>/admin/webhooks</c>.</summary>
public sealed class AdminWebhookQueries(MarketplaceDbContext db, TimeProvider clock)
{
    /// <summary>A page of inbox rows matching <paramref name="filter"/>, newest first (by id, stable across pages).</summary>
    public async Task<PagedList<AdminWebhookRow>> SearchAsync(WebhookFilter filter, int? page, int pageSize = PagedList<AdminWebhookRow>.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var query = db.StripeWebhookEvents.AsNoTracking();
        if (filter.Endpoint is { } endpoint) query = query.Where(e => e.Endpoint == endpoint);
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var type = filter.Type.Trim();
            query = query.Where(e => e.Type == type);
        }

        if (filter.Status is { } status) query = query.Where(e => e.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var current = PageNumbers.Clamp(page, total, pageSize);
        var items = await query.OrderByDescending(e => e.Id).Skip((current - 1) * pageSize).Take(pageSize)
            .Select(e => new AdminWebhookRow(e.Id, e.StripeEventId, e.Endpoint, e.Type, e.ConnectedAccountId, e.Status, e.Attempts,
                e.LastError, e.ReceivedAt, e.ProcessedAt, e.HangfireJobId, e.ClaimToken))
            .ToListAsync(cancellationToken);
        return new PagedList<AdminWebhookRow>(items, current, pageSize, total);
    }

    /// <summary>
    /// Rows received in the last <paramref name="hours"/> hours (UTC, by <see cref="StripeWebhookEvent.ReceivedAt"/>),
    /// counted per status in SQL; every status is listed, 0 when none.
    /// </summary>
    public async Task<IReadOnlyList<WebhookStatusCount>> CountsByStatusAsync(int hours = 24, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-hours);
        var counts = await db.StripeWebhookEvents.AsNoTracking().Where(e => e.ReceivedAt >= since)
            .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        return [.. Enum.GetValues<WebhookEventStatus>().Select(s => new WebhookStatusCount(s, counts.GetValueOrDefault(s)))];
    }

    /// <summary>The event types for the filter: those we act on and any other the inbox holds, sorted.</summary>
    public async Task<IReadOnlyList<string>> TypesAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.StripeWebhookEvents.AsNoTracking().Select(e => e.Type).Distinct().ToListAsync(cancellationToken);
        return [.. stored.Concat(StripeEventTypes.Connect).Concat(StripeEventTypes.Billing).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>One inbox row with its payload; null when no row has that id.</summary>
    public Task<StripeWebhookEvent?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.StripeWebhookEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>
    /// The payload indented for reading, characters kept as they are (the page HTML-encodes it); the raw text when it
    /// is not JSON.
    /// </summary>
    public static string PrettyPayload(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonSerializer.Serialize(document.RootElement, PrettyOptions);
        }
        catch (JsonException)
        {
            return payload;
        }
    }

    private static readonly JsonSerializerOptions PrettyOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
