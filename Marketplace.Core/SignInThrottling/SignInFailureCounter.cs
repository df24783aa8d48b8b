namespace Marketplace.Core.SignInThrottling;

/// <summary>
/// Failed password checks counted under one key (<see cref="SignInThrottle"/>): an account (<c>account:{userId}</c>), a
/// client address (<c>address:{ip}</c>) or an account from one address (<c>account-address:{userId}|{ip}</c>). The count
/// restarts when the last failure is older than the options' window. Stored in the database so that every web process
/// sees the same counts. Times are UTC.
/// </summary>
public class SignInFailureCounter
{
    /// <summary>The longest key: a prefix, an Identity user id (a GUID) and an IPv6 address.</summary>
    public const int MaxKeyLength = 200;

    private SignInFailureCounter()
    {
    }

    /// <summary>A first failure under <paramref name="key"/> at <paramref name="now"/> (UTC).</summary>
    public SignInFailureCounter(string key, DateTime now)
    {
        Key = key;
        Failures = 1;
        WindowStartedAt = now;
        LastFailureAt = now;
    }

    /// <summary>What is counted (see the class summary).</summary>
    public string Key { get; private set; } = "";

    /// <summary>Failures since <see cref="WindowStartedAt"/>.</summary>
    public int Failures { get; private set; }

    /// <summary>The first failure of the current count, UTC.</summary>
    public DateTime WindowStartedAt { get; private set; }

    /// <summary>The latest failure, UTC.</summary>
    public DateTime LastFailureAt { get; private set; }
}
