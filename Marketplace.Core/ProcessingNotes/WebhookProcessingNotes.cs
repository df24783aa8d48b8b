namespace Marketplace.Core.ProcessingNotes;

/// <summary>
/// What processing one event did that an admin must know about (a duplicate subscription canceled, a refund that could
/// not be made), written by the code a handler calls and stored on the inbox row when it is Processed (shown on the admin
/// webhook pages). Scoped: one per DI scope, and each inbox row is processed in a scope of its own.
/// </summary>
public sealed class WebhookProcessingNotes
{
    private readonly List<string> _notes = [];

    /// <summary>Adds a sentence for the admin.</summary>
    public void Add(string note) => _notes.Add(note);

    /// <summary>The notes joined, or null when there are none.</summary>
    public string? Text => _notes.Count == 0 ? null : string.Join(" ", _notes);
}
