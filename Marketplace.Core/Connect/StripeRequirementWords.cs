using System.Globalization;

namespace Marketplace.Core.Connect;

/// <summary>
/// Stripe's Connect requirement field names (<c>requirements.currently_due</c>) and <c>requirements.disabled_reason</c>
/// values in words a creator understands (https://docs.stripe.com/connect/handling-api-verification).
/// </summary>
public static class StripeRequirementWords
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["business_profile.mcc"] = "The kind of business you run",
        ["business_profile.url"] = "Your business website or profile link",
        ["business_profile.product_description"] = "A description of what you sell",
        ["business_profile.support_phone"] = "A support phone number",
        ["business_type"] = "Whether you sell as an individual or a company",
        ["external_account"] = "A bank account for payouts",
        ["email"] = "Your email address",
        ["individual.dob.day"] = "Your date of birth",
        ["individual.dob.month"] = "Your date of birth",
        ["individual.dob.year"] = "Your date of birth",
        ["individual.first_name"] = "Your first name",
        ["individual.last_name"] = "Your last name",
        ["individual.address.line1"] = "Your address",
        ["individual.address.city"] = "Your address",
        ["individual.address.postal_code"] = "Your address",
        ["individual.email"] = "Your email address",
        ["individual.phone"] = "Your phone number",
        ["individual.id_number"] = "Your national ID number",
        ["individual.ssn_last_4"] = "The last 4 digits of your social security number",
        ["individual.verification.document"] = "A photo of your identity document",
        ["individual.verification.additional_document"] = "A proof of address",
        ["tos_acceptance.date"] = "Accepting Stripe’s terms of service",
        ["tos_acceptance.ip"] = "Accepting Stripe’s terms of service",
    };

    private static readonly Dictionary<string, string> DisabledReasons = new(StringComparer.Ordinal)
    {
        ["requirements.past_due"] = "required information is overdue",
        ["requirements.pending_verification"] = "Stripe is verifying the information you gave",
        ["listed"] = "the account appears on a prohibited persons or companies list",
        ["platform_paused"] = "the marketplace paused the account",
        ["rejected.fraud"] = "Stripe rejected the account because of suspected fraud",
        ["rejected.incomplete_verification"] = "Stripe rejected the account because verification was not completed in time",
        ["rejected.listed"] = "Stripe rejected the account: it appears on a prohibited list",
        ["rejected.other"] = "Stripe rejected the account",
        ["rejected.terms_of_service"] = "Stripe rejected the account for a breach of its terms of service",
        ["under_review"] = "Stripe is reviewing the account",
        ["other"] = "Stripe disabled the account for another reason",
    };

    /// <summary>
    /// The requirement fields in words, duplicates merged (the three parts of a date of birth are one item), in
    /// Stripe's order. An unknown field is shown with its dots and underscores turned into spaces.
    /// </summary>
    public static IReadOnlyList<string> Describe(IEnumerable<string> currentlyDue) =>
        [.. currentlyDue.Select(Describe).Distinct(StringComparer.Ordinal)];

    /// <summary>One requirement field in words, e.g. <c>external_account</c> → "A bank account for payouts".</summary>
    public static string Describe(string field)
    {
        if (Fields.TryGetValue(field, out var words)) return words;
        if (field.StartsWith("person_", StringComparison.Ordinal) || field.Contains(".verification.", StringComparison.Ordinal))
            return "Identity verification of a person on the account";
        var text = field.Replace('.', ' ').Replace('_', ' ');
        return text.Length == 0 ? field : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    /// <summary>Every text this class can give (the words of known fields and reasons), for translations of them.</summary>
    public static IReadOnlySet<string> Words { get; } =
        new HashSet<string>([.. Fields.Values, .. DisabledReasons.Values, "Identity verification of a person on the account"], StringComparer.Ordinal);

    /// <summary>A <c>disabled_reason</c> in words, e.g. <c>requirements.past_due</c> → "required information is overdue".</summary>
    public static string DisabledReason(string disabledReason) =>
        DisabledReasons.TryGetValue(disabledReason, out var words) ? words : disabledReason.Replace('.', ' ').Replace('_', ' ');
}
