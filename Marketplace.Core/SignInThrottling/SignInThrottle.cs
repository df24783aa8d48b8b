using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.SignInThrottling;

/// <summary>Whether a password may be checked now; when not, how long until it may.</summary>
/// <param name="Allowed">True when no counter holds the attempt.</param>
/// <param name="RetryAfter">Zero when allowed; else the longest wait of the counters that hold it.</param>
public sealed record SignInVerdict(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>An attempt nothing holds.</summary>
    public static readonly SignInVerdict Free = new(true, TimeSpan.Zero);
}

/// <summary>
/// Throttles password checks (sign-in, closing an account) so that a stranger cannot lock the owner out (OWASP's
/// Authentication Cheat Sheet, "Protect against automated attacks"): failures are counted per client address, per
/// account from that address, and per account from everywhere (<see cref="SignInFailureCounter"/>), each with its free
/// failures and then waits that double at each failure (<see cref="SignInThrottleOptions"/>). The per-account count does not hold a browser
/// that proved itself with the account's device cookie (<c>trustedDevice</c> of <see cref="CheckAsync"/>):
/// guessing from anywhere never locks the owner's own browsers out. When an account's failures reach
/// <see cref="SignInThrottleOptions.WarnOwnerAfterFailures"/>, its owner gets an email, once per count. Counts live in
/// the database (every process agrees; counts older than the window are deleted at the next failure); time comes from
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignInThrottle(MarketplaceDbContext db, EmailOutbox emails, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private readonly SignInThrottleOptions _options = options.Value;

    /// <summary>
    /// Whether a password for <paramref name="userId"/> (null: no such account) may be checked now from
    /// <paramref name="address"/>; <paramref name="trustedDevice"/>: the browser carries that user's device cookie.
    /// </summary>
    public async Task<SignInVerdict> CheckAsync(string? userId, string address, bool trustedDevice, CancellationToken cancellationToken = default)
    {
        var limits = Limits(userId, address, trustedDevice);
        var keys = limits.Keys.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now.AddMinutes(-_options.WindowMinutes);
        var counters = await db.SignInFailureCounters.AsNoTracking()
            .Where(c => keys.Contains(c.Key) && c.LastFailureAt >= staleBefore).ToListAsync(cancellationToken);
        var wait = counters.Select(c => HeldUntil(c, limits[c.Key]) - now).DefaultIfEmpty(TimeSpan.Zero).Max();
        return wait > TimeSpan.Zero ? new SignInVerdict(false, wait) : SignInVerdict.Free;
    }

    /// <summary>
    /// Counts a wrong password for <paramref name="userId"/> (null: no such account, only the address counts) from
    /// <paramref name="address"/>, and queues the owner's warning email when the account's count reaches the threshold.
    /// </summary>
    public async Task RecordFailureAsync(string? userId, string address, CancellationToken cancellationToken = default)
    {
        // Counts whose last failure is older than the window no longer hold anything: dropped here (indexed), so the table
        // holds only the last window's guessing.
        var staleBefore = clock.GetUtcNow().UtcDateTime.AddMinutes(-_options.WindowMinutes);
        await db.SignInFailureCounters.Where(c => c.LastFailureAt < staleBefore).ExecuteDeleteAsync(cancellationToken);
        foreach (var key in Limits(userId, address, trustedDevice: false).Keys)
        {
            var counter = await IncrementAsync(key, cancellationToken);
            if (userId is not null && key == AccountKey(userId) && counter.Failures >= _options.WarnOwnerAfterFailures)
                await WarnOwnerAsync(userId, counter, cancellationToken);
        }
    }

    /// <summary>A right password for <paramref name="userId"/> from <paramref name="address"/>: the account's counts restart (the address's does not).</summary>
    public async Task RecordSuccessAsync(string userId, string address, CancellationToken cancellationToken = default)
    {
        string[] keys = [AccountKey(userId), AccountAddressKey(userId, address)];
        await db.SignInFailureCounters.Where(c => keys.Contains(c.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The counters an attempt meets, with their free failures.</summary>
    private Dictionary<string, int> Limits(string? userId, string address, bool trustedDevice)
    {
        var limits = new Dictionary<string, int> { ["address:" + address] = _options.AddressFreeFailures };
        if (userId is null) return limits;
        limits[AccountAddressKey(userId, address)] = _options.AccountAddressFreeFailures;
        if (!trustedDevice) limits[AccountKey(userId)] = _options.AccountFreeFailures;
        return limits;
    }

    private static string AccountKey(string userId) => "account:" + userId;

    private static string AccountAddressKey(string userId, string address) => $"account-address:{userId}|{address}";

    /// <summary>The end of the wait <paramref name="counter"/> imposes: none before its free failures, then doubling from the first delay, capped.</summary>
    private DateTime HeldUntil(SignInFailureCounter counter, int freeFailures)
    {
        if (counter.Failures < freeFailures) return DateTime.MinValue;
        var doublings = Math.Min(counter.Failures - freeFailures, 20);
        var seconds = Math.Min(_options.FirstDelaySeconds * Math.Pow(2, doublings), _options.MaxDelayMinutes * 60.0);
        return counter.LastFailureAt.AddSeconds(seconds);
    }

    /// <summary>Adds one failure under <paramref name="key"/> with atomic updates (two processes never lose one), restarting a stale count.</summary>
    private async Task<SignInFailureCounter> IncrementAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now.AddMinutes(-_options.WindowMinutes);
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.SignInFailureCounters.Where(c => c.Key == key && c.LastFailureAt >= staleBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Failures, c => c.Failures + 1).SetProperty(c => c.LastFailureAt, now), cancellationToken);
            if (updated == 0)
            {
                updated = await db.SignInFailureCounters.Where(c => c.Key == key && c.LastFailureAt < staleBefore)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Failures, 1).SetProperty(c => c.WindowStartedAt, now).SetProperty(c => c.LastFailureAt, now), cancellationToken);
            }

            if (updated == 0)
            {
                var counter = new SignInFailureCounter(key, now);
                db.SignInFailureCounters.Add(counter);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return counter;
                }
                catch (DbUpdateException) when (attempt == 0)
                {
                    // Another request inserted the row first: count on it.
                }
                finally
                {
                    db.Entry(counter).State = EntityState.Detached;
                }

                continue;
            }

            return await db.SignInFailureCounters.AsNoTracking().SingleAsync(c => c.Key == key, cancellationToken);
        }
    }

    /// <summary>Queues "someone is guessing your password" to the account's owner; the outbox's (kind, key) keeps it to one per count.</summary>
    private async Task WarnOwnerAsync(string userId, SignInFailureCounter counter, CancellationToken cancellationToken)
    {
        var to = await emails.UserAsync(userId, cancellationToken: cancellationToken);
        if (to is null) return;
        var key = $"{userId}:{counter.WindowStartedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        if (await emails.QueueAsync(EmailKinds.SignInGuessing, key, to,
                EmailModelKeys.Of((EmailModelKeys.Date, counter.WindowStartedAt.ToString("O", CultureInfo.InvariantCulture))), cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
    }
}
