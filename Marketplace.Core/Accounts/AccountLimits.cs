namespace Marketplace.Core.Accounts;

/// <summary>Bounds of what a person types to make an account.</summary>
public static class AccountLimits
{
    /// <summary>
    /// The longest email address (and user name, which is the email here), in characters: 254, the most that fits in
    /// SMTP's 256-character forward path with its angle brackets (RFC 5321 §4.5.3.1.3, RFC 3696 errata 1690). Enforced
    /// by the forms, by an Identity user validator on every path that creates or changes a user, and by the columns.
    /// </summary>
    public const int MaxEmailLength = 254;
}
