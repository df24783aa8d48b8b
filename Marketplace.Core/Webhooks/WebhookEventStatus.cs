namespace Marketplace.Core.Webhooks;

/// <summary>Where an inbox row stands in processing.</summary>
public enum WebhookEventStatus
{
    Received,
    Processing,
    Processed,
    Ignored,
    Failed,
}
