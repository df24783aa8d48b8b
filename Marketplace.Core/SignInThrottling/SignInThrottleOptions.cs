using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.SignInThrottling;

/// <summary>
/// The figures of <see cref="SignInThrottle"/> (configuration section <c>Security:SignIn</c>). After <c>…FreeFailures</c>
/// failures under a key, each further attempt waits <c>FirstDelaySeconds × 2^(failures − free)</c>, at most
/// <c>…MaxDelayMinutes</c>, counted from the last failure.
/// </summary>
public sealed class SignInThrottleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:SignIn";

    /// <summary>Failures of one account from one client address before that address waits for that account (default 5).</summary>
    [Range(1, 1000)]
    public int AccountAddressFreeFailures { get; set; } = 5;

    /// <summary>
    /// Failures of one account from all addresses before a browser without the account's device cookie waits (default 10):
    /// a guess spread over many addresses. A browser that signed in to the account before is never held by this count.
    /// </summary>
    [Range(1, 10_000)]
    public int AccountFreeFailures { get; set; } = 10;

    /// <summary>Failures from one client address, whatever the accounts, before that address waits (default 20).</summary>
    [Range(1, 100_000)]
    public int AddressFreeFailures { get; set; } = 20;

    /// <summary>The first wait, in seconds; each further failure doubles it (default 60).</summary>
    [Range(1, 3600)]
    public int FirstDelaySeconds { get; set; } = 60;

    /// <summary>The longest wait, in minutes (default 15).</summary>
    [Range(1, 1440)]
    public int MaxDelayMinutes { get; set; } = 15;

    /// <summary>A count restarts when its last failure is older than this many minutes (default 60).</summary>
    [Range(1, 10_080)]
    public int WindowMinutes { get; set; } = 60;

    /// <summary>Failures of one account (all addresses) that send its owner the "someone is guessing" email, once per count (default 5).</summary>
    [Range(1, 10_000)]
    public int WarnOwnerAfterFailures { get; set; } = 5;

    /// <summary>How long the device cookie set at a good sign-in lasts, in days (default 180).</summary>
    [Range(1, 3650)]
    public int DeviceCookieDays { get; set; } = 180;
}
