namespace Marketplace.StripeEmulator.Api;

/// <summary>Ordered <c>application/x-www-form-urlencoded</c> decoding (query strings and bodies), duplicates kept.</summary>
internal static class FormPairs
{
    public static List<KeyValuePair<string, string>> Parse(string? encoded)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(encoded)) return pairs;
        foreach (var part in encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new(Decode(key), Decode(value)));
        }
        return pairs;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
