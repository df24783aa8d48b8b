using Marketplace.Core.Text;

namespace Marketplace.Core;

/// <summary>
/// Raised when an entity is asked for a state transition its rules forbid
/// (for example activating a paid plan without a Stripe price).
/// The web layer maps it to the same page with <see cref="Text"/> in the reader's language, never to a 500;
/// <see cref="Exception.Message"/> is the English sentence (logs).
/// </summary>
public sealed class DomainException(CoreMessage text) : Exception(text.ToString())
{
    /// <summary>The rule broken, as <paramref name="template"/> (English composite format, the resource key) and its <paramref name="arguments"/>.</summary>
    public DomainException(string template, params object[] arguments) : this(new CoreMessage(template, arguments))
    {
    }

    /// <summary>What to tell the person, as a code with arguments (see <see cref="CoreMessage"/>).</summary>
    public CoreMessage Text { get; } = text;
}
