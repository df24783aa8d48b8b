namespace Marketplace.Core.Webhooks;

/// <summary>Which of our two webhook endpoints received an event; each has its own signing secret.</summary>
public enum WebhookEndpointKind
{
    /// <summary><c>/api/webhooks/stripe/billing</c>: the platform's own customers, subscriptions, invoices.</summary>
    Billing,

    /// <summary><c>/api/webhooks/stripe/connect</c>: events on creators' connected accounts (<c>account</c> set).</summary>
    Connect,
}
