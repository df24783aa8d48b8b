using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>customer.subscription.trial_will_end</c> (sent three days before <c>trial_end</c>,
/// https://docs.stripe.com/billing/subscriptions/trials#use-trial-will-end): applies the subscription and emails the
/// creator when it is still trialing, once per subscription and trial end (the plan named in the creator's language).
/// </summary>
public sealed class SubscriptionTrialWillEndHandler(StripeSubscriptionSync subscriptions, EmailOutbox emails, MarketplaceDbContext db) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.CustomerSubscriptionTrialWillEnd;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no subscription";
        var row = await subscriptions.ApplyAsync(stripeEvent.ObjectId, null, stripeEvent.Created, cancellationToken);
        if (row.StripeSubscriptionId != stripeEvent.ObjectId || row.Status != SubscriptionStatus.Trialing || row.TrialEnd is not { } trialEnd)
            return "subscription is no longer trialing";
        if (await emails.CreatorAsync(row.CreatorProfileId, cancellationToken) is not { } to) return "the creator has no email";
        var key = $"{stripeEvent.ObjectId}:{new DateTimeOffset(trialEnd).ToUnixTimeSeconds()}";
        if (await emails.QueueAsync(EmailKinds.TrialWillEnd, key, to,
                EmailModelKeys.Of((EmailModelKeys.PlanName, row.Plan?.NameIn(System.Globalization.CultureInfo.GetCultureInfo(to.Culture))), (EmailModelKeys.Date, trialEnd)), cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
