namespace Marketplace.Core.Buyers;

/// <summary>
/// A "find my orders" link already opened (<see cref="OrdersByEmail"/>): its nonce, unique, so a link opens once even
/// when two requests race (the second insert fails). Rows are deleted once the link has expired anyway.
/// </summary>
public sealed class UsedOrdersLink
{
    private UsedOrdersLink()
    {
    }

    /// <summary>A link with <paramref name="nonce"/> opened at <paramref name="usedAt"/>, valid until <paramref name="expiresAt"/> (UTC).</summary>
    public UsedOrdersLink(string nonce, DateTime usedAt, DateTime expiresAt)
    {
        Nonce = nonce;
        UsedAt = usedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The link's random nonce (22 Base64Url characters).</summary>
    public string Nonce { get; private set; } = "";

    /// <summary>When it was opened, UTC.</summary>
    public DateTime UsedAt { get; private set; }

    /// <summary>When the link expired or expires, UTC; the row can go after it.</summary>
    public DateTime ExpiresAt { get; private set; }
}
