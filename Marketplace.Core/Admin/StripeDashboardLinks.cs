using Marketplace.StripeGateway;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Admin;

/// <summary>
/// Links to an object in the Stripe Dashboard, in the mode of the key in use: <c>https://dashboard.stripe.com/test/…</c>
/// for a test key (and the emulator), without <c>/test</c> for a live key (<see cref="StripeOptions.IsLiveMode"/>).
/// </summary>
public sealed class StripeDashboardLinks(IOptions<StripeOptions> options)
{
    private const string Dashboard = "https://dashboard.stripe.com";

    /// <summary>True when the links open the live-mode Dashboard.</summary>
    public bool IsLiveMode => options.Value.IsLiveMode;

    /// <summary>The Customer's page (<c>cus_…</c>); null when there is no id.</summary>
    public string? Customer(string? customerId) => Link("customers", customerId);

    /// <summary>The Subscription's page (<c>sub_…</c>); null when there is no id.</summary>
    public string? Subscription(string? subscriptionId) => Link("subscriptions", subscriptionId);

    /// <summary>The payment's page (a PaymentIntent, <c>pi_…</c>); null when there is no id.</summary>
    public string? Payment(string? paymentIntentId) => Link("payments", paymentIntentId);

    /// <summary>The Checkout Session's page (<c>cs_…</c>); null when there is no id.</summary>
    public string? CheckoutSession(string? sessionId) => Link("checkout/sessions", sessionId);

    /// <summary>The dispute's page (<c>dp_…</c>); null when there is no id.</summary>
    public string? Dispute(string? disputeId) => Link("disputes", disputeId);

    /// <summary>The Event's page (<c>evt_…</c>); null when there is no id.</summary>
    public string? Event(string? eventId) => Link("events", eventId);

    private string? Link(string collection, string? id) =>
        string.IsNullOrEmpty(id) ? null : $"{Dashboard}{(IsLiveMode ? "" : "/test")}/{collection}/{Uri.EscapeDataString(id)}";
}
