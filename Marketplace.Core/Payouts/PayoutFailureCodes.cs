namespace Marketplace.Core.Payouts;

/// <summary>
/// Stripe's payout <c>failure_code</c>s (https://docs.stripe.com/api/payouts/failures) and, for each, the English
/// sentence the app tells the creator: the key of its translations in the web app's resources (emails and pages). A code
/// not listed here is shown as Stripe's own <c>failure_message</c>, marked as Stripe's words.
/// </summary>
public static class PayoutFailureCodes
{
    /// <summary>English sentence per Stripe <c>failure_code</c> (one sentence, ending with a full stop).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sentences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["account_closed"] = "The bank account has been closed.",
        ["account_frozen"] = "The bank account has been frozen.",
        ["bank_account_restricted"] = "The bank account restricts the type or the number of payouts it accepts.",
        ["bank_ownership_changed"] = "The bank account is no longer valid because its branch changed ownership.",
        ["could_not_process"] = "The bank could not process this payout.",
        ["debit_not_authorized"] = "Debit transactions are not approved on the bank account.",
        ["declined"] = "The bank declined this payout.",
        ["incorrect_account_holder_address"] = "The bank says the account holder's address on file is incorrect.",
        ["incorrect_account_holder_name"] = "The bank says the account holder's name on file is incorrect.",
        ["incorrect_account_holder_tax_id"] = "The bank says the account holder's tax ID on file is incorrect.",
        ["incorrect_account_type"] = "The bank says the type of the bank account is incorrect.",
        ["insufficient_funds"] = "Your Stripe account did not have enough funds to cover the payout.",
        ["invalid_account_number"] = "The bank code seems right, but the account number is invalid.",
        ["invalid_account_number_length"] = "The bank says the account number has the wrong length.",
        ["invalid_currency"] = "The bank cannot accept payouts in this currency.",
        ["no_account"] = "No bank account could be found with the details on file: they are probably incorrect.",
        ["unsupported_card"] = "The bank no longer supports payouts to this card.",
    };

    /// <summary>The English sentence of <paramref name="failureCode"/>; null for a code unknown here, or none.</summary>
    public static string? SentenceOf(string? failureCode) =>
        failureCode is not null && Sentences.TryGetValue(failureCode, out var sentence) ? sentence : null;
}
