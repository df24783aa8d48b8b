namespace Marketplace.Core.Admin;

/// <summary>An amount in one currency: minor units (cents; whole yen) and the lower-case ISO 4217 code.</summary>
public sealed record CurrencyAmount(string Currency, long AmountMinor);
