namespace Marketplace.Core.Creators;

/// <summary>Moderation state of a creator. Only <see cref="Active"/> creators may be paid.</summary>
public enum CreatorStatus
{
    Pending,
    Active,
    Suspended,
    Banned,
}
