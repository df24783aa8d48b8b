using Hangfire;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Emails;

/// <summary>
/// The Hangfire job that sends one outbox row, on the <c>default</c> queue. Under a lock per row it renders the
/// message in the row's culture and hands it to the transport; a row already Sent is left alone, so a retried or
/// duplicated job never mails twice. An SMTP failure is recorded on the row and thrown: Hangfire retries with the
/// delays below, and the row is sent once the server is back.
/// </summary>
public sealed class SendOutboxEmailJob(
    MarketplaceDbContext db,
    IEmailRenderer renderer,
    IEmailTransport transport,
    IDistributedLocks locks,
    TimeProvider clock,
    ILogger<SendOutboxEmailJob> logger)
{
    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetries = 12;

    /// <summary>Sends outbox row <paramref name="outboxEmailId"/>; a missing or sent row is done.</summary>
    /// <exception cref="Exception">What the transport threw (SMTP unreachable or refusing); Hangfire retries.</exception>
    [Queue("default")]
    [AutomaticRetry(Attempts = MaxRetries, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendAsync(long outboxEmailId, CancellationToken cancellationToken)
    {
        using var rowLock = await locks.AcquireAsync($"email-outbox:{outboxEmailId}", TimeSpan.FromMinutes(2), cancellationToken);
        var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == outboxEmailId, cancellationToken);
        if (email is null || email.Status == OutboxEmailStatus.Sent) return;

        var message = await renderer.RenderAsync(email, cancellationToken);
        try
        {
            await transport.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            email.RecordFailure($"{ex.GetType().Name}: {ex.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Outbox email {OutboxEmailId} ({EmailKind}) not sent, attempt {Attempt}; Hangfire retries", email.Id, email.Kind, email.Attempts);
            throw;
        }

        email.MarkSent(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Outbox email {OutboxEmailId} ({EmailKind}, {EmailKey}) sent", email.Id, email.Kind, email.Key);
    }
}
