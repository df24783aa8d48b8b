namespace Marketplace.Web.Models;

/// <summary>
/// The refund form of one order: where it posts, what is left to refund (minor units of <paramref name="Currency"/>),
/// and the random token that makes a double submit replay the first refund.
/// </summary>
public sealed record RefundFormModel(int OrderId, string Action, long RefundableMinor, string Currency, string RequestToken);
