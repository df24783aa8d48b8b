using Marketplace.Core.Refunds;

namespace Marketplace.Web.Models;

/// <summary>
/// The refund form of one order: where it posts, what is left to refund (minor units of <paramref name="Currency"/>),
/// the random token that makes a double submit replay the first refund, and how refunding all that is left splits
/// (<see cref="RefundSplit"/>: what the buyer gets back, what the creator's balance loses); null when nothing is left.
/// </summary>
public sealed record RefundFormModel(int OrderId, string Action, long RefundableMinor, string Currency, string RequestToken, RefundSplit? WhatIsLeft = null);
