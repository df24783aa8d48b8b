using System.Text.Json;

namespace Marketplace.Core.Emails;

/// <summary>Where an outbox email is.</summary>
public enum OutboxEmailStatus
{
    /// <summary>Waiting for its job (or for the SMTP server to come back).</summary>
    Pending,

    /// <summary>Accepted by the SMTP server (or written to the pickup folder).</summary>
    Sent,
}

/// <summary>
/// One email to send, written in the same unit of work as the fact it tells (a webhook handler's save, a
/// registration's transaction) and sent later by <see cref="SendOutboxEmailJob"/>. (<see cref="Kind"/>,
/// <see cref="Key"/>) is unique: a duplicated webhook or a retried job never writes a second row, so never mails twice.
/// The model is what the template needs (names, amounts in minor units, app paths, Stripe URLs), rendered in
/// <see cref="Culture"/> when sent. Times are UTC.
/// </summary>
public class OutboxEmail
{
    /// <summary>The longest key (a Stripe id with a suffix, or our id).</summary>
    public const int MaxKeyLength = 255;

    private OutboxEmail()
    {
    }

    /// <summary>A pending email.</summary>
    /// <param name="kind">One of <see cref="EmailKinds"/>.</param>
    /// <param name="key">What it is about: a Stripe object id or our id.</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="culture"><c>en</c> or <c>fr</c>.</param>
    /// <param name="model">The template's values.</param>
    /// <param name="now">UTC.</param>
    /// <exception cref="DomainException">No recipient, or a key too long.</exception>
    public OutboxEmail(string kind, string key, string to, string culture, IReadOnlyDictionary<string, string> model, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(to)) throw new DomainException("An email needs a recipient.");
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength) throw new DomainException("An email's key must be 1 to 255 characters.");
        Kind = kind;
        Key = key;
        To = to;
        Culture = culture;
        ModelJson = JsonSerializer.Serialize(model);
        Status = OutboxEmailStatus.Pending;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>One of <see cref="EmailKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The Stripe object (<c>in_…</c>, <c>sub_…</c>, <c>po_…</c>…) or our id the email is about.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The recipient's address.</summary>
    public string To { get; private set; } = "";

    /// <summary>The language the email is written in: <c>en</c> or <c>fr</c>.</summary>
    public string Culture { get; private set; } = "en";

    /// <summary>The template's values as a JSON object of strings; emptied once sent when it holds a secret link.</summary>
    public string ModelJson { get; private set; } = "{}";

    public OutboxEmailStatus Status { get; private set; }

    /// <summary>Sending attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed; null once sent.</summary>
    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>The template's values.</summary>
    public IReadOnlyDictionary<string, string> Model =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(ModelJson) ?? new Dictionary<string, string>();

    /// <summary>Records a failed attempt (the job throws, Hangfire retries).</summary>
    public void RecordFailure(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }

    /// <summary>Records that the message was handed to the SMTP server; a secret link is dropped from the row.</summary>
    public void MarkSent(DateTime now)
    {
        Attempts++;
        Status = OutboxEmailStatus.Sent;
        SentAt = now;
        LastError = null;
        if (EmailKinds.HoldsSecret(Kind)) ModelJson = "{}";
    }
}
