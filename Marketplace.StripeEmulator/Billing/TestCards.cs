namespace Marketplace.StripeEmulator.Billing;

/// <summary>What a test card does when charged (https://docs.stripe.com/testing#cards).</summary>
internal enum CardBehavior
{
    /// <summary>4242 4242 4242 4242 and any other Luhn-valid number: every charge succeeds.</summary>
    Succeeds,

    /// <summary>4000 0000 0000 0002: declined (<c>card_declined</c>, <c>generic_decline</c>).</summary>
    Declined,

    /// <summary>4000 0000 0000 0341: the first payment succeeds, later (renewal) charges fail.</summary>
    FailsAfterAttach,

    /// <summary>4000 0000 0000 9995: declined (<c>card_declined</c>, <c>insufficient_funds</c>).</summary>
    InsufficientFunds,

    /// <summary>4000 0000 0000 0259: the payment succeeds, then the charge is disputed as <c>fraudulent</c> (payment mode).</summary>
    Disputed,

    /// <summary>Not a card number (fails the Luhn check or the length).</summary>
    Invalid,
}

/// <summary>Stripe's test card numbers, as far as the emulator honours them.</summary>
internal static class TestCards
{
    public const string Visa = "4242424242424242";
    public const string Declined = "4000000000000002";
    public const string FailsAfterAttach = "4000000000000341";
    public const string InsufficientFunds = "4000000000009995";
    public const string Disputed = "4000000000000259";

    /// <summary>Strips spaces and dashes; null if anything else than digits remains.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null) return null;
        var digits = new string(input.Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static CardBehavior Classify(string? digits) => digits switch
    {
        Declined => CardBehavior.Declined,
        FailsAfterAttach => CardBehavior.FailsAfterAttach,
        InsufficientFunds => CardBehavior.InsufficientFunds,
        Disputed => CardBehavior.Disputed,
        null => CardBehavior.Invalid,
        _ when digits.Length is < 12 or > 19 || !Luhn(digits) => CardBehavior.Invalid,
        _ => CardBehavior.Succeeds,
    };

    /// <summary>Whether a renewal charge (not the first payment) on this card succeeds.</summary>
    public static bool RenewalSucceeds(string? digits) => Classify(digits) is CardBehavior.Succeeds or CardBehavior.Disputed;

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
