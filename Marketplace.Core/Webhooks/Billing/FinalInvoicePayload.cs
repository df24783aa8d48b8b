using Stripe;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// An invoice event's payload that Stripe's rules make final: an invoice <c>paid</c> or <c>void</c> never changes status,
/// amounts or lines again (https://docs.stripe.com/invoicing/overview#invoice-statuses: <c>paid</c> and <c>void</c> are
/// final states; a refund changes the charge, not the invoice), so the invoice in the event is what a refetch would
/// return. Read only when the payload is rendered in Stripe.net's own API version (another version's shape is refetched).
/// </summary>
public static class FinalInvoicePayload
{
    /// <summary>The statuses after which an invoice no longer changes.</summary>
    public static readonly IReadOnlySet<string> FinalStatuses = new HashSet<string>(StringComparer.Ordinal) { "paid", "void" };

    /// <summary>
    /// The invoice of <paramref name="payload"/> when it is final and in Stripe.net's API version; null otherwise (refetch it).
    /// </summary>
    public static Invoice? TryRead(StripeEventEnvelope envelope, string payload)
    {
        if (!string.Equals(envelope.ApiVersion, StripeConfiguration.ApiVersion, StringComparison.Ordinal)) return null;
        try
        {
            return EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false).Data?.Object is Invoice { Status: { } status } invoice
                   && FinalStatuses.Contains(status) && invoice.Id == envelope.ObjectId
                ? invoice
                : null;
        }
        catch (Exception ex) when (ex is StripeException or Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
