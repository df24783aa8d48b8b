using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Marketplace.Core.Orders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Buyers;

/// <summary>What opening a "find my orders" link gave.</summary>
public enum OrdersLinkStatus
{
    /// <summary>Not a link we made (tampered, truncated, another key ring, or older than a day past its expiry).</summary>
    Invalid,

    /// <summary>Past its <see cref="OrdersByEmail.LinkMinutes"/>.</summary>
    Expired,

    /// <summary>Opened once already.</summary>
    Used,

    /// <summary>Opened now: the orders are in the result.</summary>
    Opened,
}

/// <summary>The outcome of <see cref="OrdersByEmail.OpenAsync"/>: the status and, when opened, the address and its orders (newest first).</summary>
public sealed record OrdersLinkResult(OrdersLinkStatus Status, string? Email, IReadOnlyList<BuyerOrderView> Orders);

/// <summary>
/// "Find my orders" for a visitor who bought without an account: an email address gets, only when it has paid orders,
/// an email (outbox kind <see cref="EmailKinds.OrdersLink"/>) with a link to <c>/orders/by-email?token=…</c> that lists
/// every paid order of that address. The token is the address, a random nonce and its expiry (now +
/// <see cref="LinkMinutes"/> by <see cref="TimeProvider"/>), protected by ASP.NET Core Data Protection's time-limited
/// protector (which also refuses it a day after that expiry by the system clock); it opens once
/// (<see cref="UsedOrdersLink"/>). The caller answers the same page whether or not an email was sent.
/// </summary>
public sealed class OrdersByEmail(MarketplaceDbContext db, IDataProtectionProvider protection, EmailOutbox outbox, TimeProvider clock,
    IOptions<BuyerOptions> options, ILogger<OrdersByEmail> logger)
{
    /// <summary>The Data Protection purpose of the links.</summary>
    public const string Purpose = "Marketplace.Buyers.OrdersByEmail.v1";

    /// <summary>The path of the page a link opens; the token follows as <c>?token=</c>.</summary>
    public const string PagePath = "/orders/by-email";

    /// <summary>How long a link works, minutes (<c>Buyers:OrdersLinkMinutes</c>, default 30).</summary>
    public int LinkMinutes => options.Value.OrdersLinkMinutes;

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>
    /// Queues the email with a fresh link to <paramref name="email"/> in <paramref name="culture"/> (<c>en</c>/<c>fr</c>;
    /// else <c>App:DefaultCulture</c>) when the address has paid orders; returns whether it did (for logs and tests: never shown).
    /// </summary>
    public async Task<bool> SendLinkAsync(string email, string? culture, CancellationToken cancellationToken = default)
    {
        var address = Normalize(email);
        if (address.Length == 0 || !await OrdersOf(address).AnyAsync(cancellationToken)) return false;
        var expires = clock.GetUtcNow().AddMinutes(LinkMinutes);
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var payload = string.Join('\n', nonce, expires.UtcTicks.ToString(CultureInfo.InvariantCulture), address);
        var token = Protector.Protect(payload, expires.AddDays(1));
        outbox.QueueUnique(EmailKinds.OrdersLink, new EmailRecipient(email.Trim(), Accounts.UserCultures.Normalize(culture) ?? outbox.DefaultCulture),
            EmailModelKeys.Of((EmailModelKeys.Path, $"{PagePath}?token={Uri.EscapeDataString(token)}"),
                (EmailModelKeys.Minutes, LinkMinutes.ToString(CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Sent a find-my-orders link ({Nonce}), valid {Minutes} minutes", nonce, LinkMinutes);
        return true;
    }

    /// <summary>Opens the link's <paramref name="token"/>: its orders once, else why not.</summary>
    public async Task<OrdersLinkResult> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (Read(token) is not { } link) return new(OrdersLinkStatus.Invalid, null, []);
        var now = clock.GetUtcNow();
        if (now >= link.Expires) return new(OrdersLinkStatus.Expired, null, []);
        await db.UsedOrdersLinks.Where(u => u.ExpiresAt < now.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        db.UsedOrdersLinks.Add(new UsedOrdersLink(link.Nonce, now.UtcDateTime, link.Expires.UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new(OrdersLinkStatus.Used, null, []);
        }

        var rows = await OrdersOf(link.Email).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(200)
            .Select(o => new { Order = o, o.CreatorProfile!.DisplayName, o.CreatorProfile.Slug, o.Listing!.DeliveryNote })
            .ToListAsync(cancellationToken);
        return new(OrdersLinkStatus.Opened, link.Email,
            [.. rows.Select(r => new BuyerOrderView(r.Order, r.DisplayName, r.Slug, r.Order.HasDeliveryAccess ? r.DeliveryNote : null))]);
    }

    private sealed record Link(string Nonce, DateTimeOffset Expires, string Email);

    // The token's nonce, expiry and address; null when Data Protection refuses it or it is not ours.
    private Link? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048) return null;
        string payload;
        try
        {
            payload = Protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('\n');
        return parts.Length == 3 && parts[0].Length is > 0 and <= 32
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks is > 0 and <= 3155378975999999999
            ? new Link(parts[0], new DateTimeOffset(ticks, TimeSpan.Zero), parts[2])
            : null;
    }

    private IQueryable<Order> OrdersOf(string address) =>
        db.Orders.AsNoTracking().Where(o => o.PaidAt != null && o.BuyerEmailLower == address);

    private static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();
}
