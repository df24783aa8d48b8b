using System.Buffers.Text;
using System.Security.Cryptography;

namespace Marketplace.Core.Orders;

/// <summary>
/// The public id of an order in the buyer's links (<c>/orders/{token}</c>): 128 random bits from the OS's
/// cryptographic generator, base64url without padding (22 characters). Knowing it is what lets someone see the order,
/// so it is never derived from anything guessable.
/// </summary>
public static class OrderToken
{
    /// <summary>Length of a token, in characters.</summary>
    public const int Length = 22;

    /// <summary>A fresh token.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="token"/> has a token's shape (checked before any database read).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
