namespace Marketplace.Core.Disputes;

/// <summary>What the platform does about disputes of its destination charges, section <c>Disputes</c>.</summary>
public sealed class DisputeOptions
{
    public const string SectionName = "Disputes";

    /// <summary>
    /// On <c>charge.dispute.funds_withdrawn</c>, reverse the creator's transfer for the disputed amount (the platform
    /// pays the dispute on a destination charge: https://docs.stripe.com/disputes/connect). Default true.
    /// </summary>
    public bool ReverseTransferOnDispute { get; set; } = true;
}
