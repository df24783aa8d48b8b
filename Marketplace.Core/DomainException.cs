namespace Marketplace.Core;

/// <summary>
/// Raised when an entity is asked for a state transition its rules forbid
/// (for example activating a paid plan without a Stripe price).
/// The web layer maps it to the same page with the message, never to a 500.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
