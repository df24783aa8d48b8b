using Marketplace.Core.SignInThrottling;

namespace Marketplace.Web.Security;

/// <summary>
/// <see cref="SignInThrottle"/> for one request: the client address (the connection's, or a known proxy's
/// <c>X-Forwarded-For</c>, see <see cref="ForwardedHeadersSetup"/>) and the account's device cookie
/// (<see cref="SignInDevices"/>). Used by every password check: sign-in and closing an account.
/// </summary>
public sealed class PasswordAttempts(SignInThrottle throttle, SignInDevices devices, IHttpContextAccessor accessor)
{
    private const string VerdictItem = "Marketplace.SignInVerdict";

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("A password check needs a request.");

    /// <summary>The request's client address as the limits count it (<c>unknown</c> when the server has none).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whether a password for <paramref name="userId"/> (null: no such account) may be checked now; a refusal is kept for <see cref="RefusedWait"/>.</summary>
    public async Task<SignInVerdict> CheckAsync(string? userId)
    {
        var trusted = userId is not null && devices.IsTrusted(Context, userId);
        var verdict = await throttle.CheckAsync(userId, ClientAddress(Context), trusted, Context.RequestAborted);
        if (!verdict.Allowed) Context.Items[VerdictItem] = verdict;
        return verdict;
    }

    /// <summary>Counts the outcome of a password check for <paramref name="userId"/> (null: no such account, always a failure).</summary>
    public Task RecordAsync(string? userId, bool passwordRight) =>
        passwordRight && userId is not null
            ? throttle.RecordSuccessAsync(userId, ClientAddress(Context), Context.RequestAborted)
            : throttle.RecordFailureAsync(userId, ClientAddress(Context), Context.RequestAborted);

    /// <summary>When this request's password check was refused by the throttle: how long to wait; else null.</summary>
    public static TimeSpan? RefusedWait(HttpContext context) => context.Items[VerdictItem] is SignInVerdict verdict ? verdict.RetryAfter : null;

    /// <summary>A wait as whole minutes for a message, at least 1.</summary>
    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
}
