namespace Marketplace.Core.Creators;

/// <summary>Moderation state of a creator. Only <see cref="Active"/> creators may be paid.</summary>
public enum CreatorStatus
{
    Pending,
    Active,
    Suspended,
    Banned,

    /// <summary>The creator deleted their account: the profile is an anonymised record kept for the payment ledger. Final.</summary>
    Deleted,
}
