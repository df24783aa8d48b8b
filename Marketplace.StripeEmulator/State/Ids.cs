using System.Security.Cryptography;

namespace Marketplace.StripeEmulator.State;

/// <summary>Stripe-style identifiers: a prefix (<c>cus_</c>, <c>price_</c>, <c>cs_test_</c>, …) and random base-62 characters.</summary>
internal static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + RandomNumberGenerator.GetString(Alphabet, length);
}
