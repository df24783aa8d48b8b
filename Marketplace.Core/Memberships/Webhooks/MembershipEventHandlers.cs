using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;

namespace Marketplace.Core.Memberships.Webhooks;

/// <summary><c>checkout.session.completed</c> of a Join: refetch the session, apply its subscription to the membership.</summary>
public sealed class MembershipCheckoutCompletedHandler(IStripeGateway stripe, MembershipSubscriptionSync sync) : IMembershipEventHandler
{
    public string EventType => StripeEventTypes.CheckoutSessionCompleted;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no session";
        var session = await stripe.GetCheckoutSessionAsync(stripeEvent.ObjectId, cancellationToken);
        if (session.SubscriptionId is null) return "session has no subscription";
        await sync.ApplyAsync(session.SubscriptionId, cancellationToken);
        return null;
    }
}

/// <summary>Base of a membership's <c>customer.subscription.*</c> handlers: refetch and apply; Stripe's status decides.</summary>
public abstract class MembershipSubscriptionEventHandler(MembershipSubscriptionSync sync) : IMembershipEventHandler
{
    public abstract string EventType { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no subscription";
        await sync.ApplyAsync(stripeEvent.ObjectId, cancellationToken);
        return null;
    }
}

/// <summary><c>customer.subscription.created</c> of a membership.</summary>
public sealed class MembershipSubscriptionCreatedHandler(MembershipSubscriptionSync sync) : MembershipSubscriptionEventHandler(sync)
{
    public override string EventType => StripeEventTypes.CustomerSubscriptionCreated;
}

/// <summary><c>customer.subscription.updated</c> of a membership (renewal, past_due, cancel at period end set in the portal).</summary>
public sealed class MembershipSubscriptionUpdatedHandler(MembershipSubscriptionSync sync) : MembershipSubscriptionEventHandler(sync)
{
    public override string EventType => StripeEventTypes.CustomerSubscriptionUpdated;
}

/// <summary><c>customer.subscription.deleted</c> of a membership: canceled, access gone.</summary>
public sealed class MembershipSubscriptionDeletedHandler(MembershipSubscriptionSync sync) : MembershipSubscriptionEventHandler(sync)
{
    public override string EventType => StripeEventTypes.CustomerSubscriptionDeleted;
}

/// <summary>
/// Base of a membership's invoice handlers: refetch the invoice, apply its subscription (active, or past_due after a
/// failure) and, when paid, record the <see cref="MembershipPayment"/> (amount, application fee, net).
/// </summary>
public abstract class MembershipInvoiceEventHandler(IStripeGateway stripe, MembershipSubscriptionSync sync) : IMembershipEventHandler
{
    public abstract string EventType { get; }

    /// <summary>True when the invoice is paid and recorded.</summary>
    protected abstract bool RecordsPayment { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no invoice";
        var invoice = await stripe.GetInvoiceAsync(stripeEvent.ObjectId, cancellationToken);
        var subscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
        if (subscriptionId is null) return "invoice is not for a subscription";
        var membership = await sync.ApplyAsync(subscriptionId, cancellationToken);
        if (RecordsPayment && invoice.Status == "paid") await sync.RecordPaymentAsync(membership, invoice, cancellationToken);
        return null;
    }
}

/// <summary><c>invoice.paid</c> of a membership: one <see cref="MembershipPayment"/> per invoice.</summary>
public sealed class MembershipInvoicePaidHandler(IStripeGateway stripe, MembershipSubscriptionSync sync) : MembershipInvoiceEventHandler(stripe, sync)
{
    public override string EventType => StripeEventTypes.InvoicePaid;

    protected override bool RecordsPayment => true;
}

/// <summary><c>invoice.payment_failed</c> of a membership: the subscription's status (past_due) is applied.</summary>
public sealed class MembershipInvoicePaymentFailedHandler(IStripeGateway stripe, MembershipSubscriptionSync sync) : MembershipInvoiceEventHandler(stripe, sync)
{
    public override string EventType => StripeEventTypes.InvoicePaymentFailed;

    protected override bool RecordsPayment => false;
}
