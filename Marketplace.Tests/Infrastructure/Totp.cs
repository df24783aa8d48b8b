using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// The code an authenticator app shows (RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits, as Identity's
/// authenticator token provider checks it), computed from the shared key the set-up page shows (Base32, any case,
/// spaces allowed). Time is the process clock, as the app's.
/// </summary>
public static class Totp
{
    /// <summary>The code for <paramref name="sharedKey"/> at <paramref name="at"/> (now when null).</summary>
    public static string Code(string sharedKey, DateTimeOffset? at = null)
    {
        var key = Base32(sharedKey);
        var step = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not Base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }

        return [.. bytes];
    }
}
