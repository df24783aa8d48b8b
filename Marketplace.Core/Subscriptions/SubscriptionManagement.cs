using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Plans;
using Marketplace.Core.PriceSync;
using Marketplace.StripeGateway;
using Marketplace.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Subscriptions;

/// <summary>
/// A creator managing their own paid subscription: cancel at period end, resume, change plan, open the Billing Portal.
/// Every change is one Stripe update (https://docs.stripe.com/api/subscriptions/update) with an idempotency key, under
/// a per-creator lock; Stripe's state is then applied through <see cref="StripeSubscriptionSync"/> (the webhook's path,
/// which drops the cached capabilities), so the page shows it at once and the webhook confirms it without a change.
/// Methods throw what the gateway throws when Stripe cannot be reached; a refusal from Stripe is a failed result.
/// </summary>
public sealed class SubscriptionManagement(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    StripeSubscriptionSync sync,
    PaymentEligibility eligibility,
    PlanPriceSync priceSync,
    IDistributedLocks locks,
    TimeProvider clock,
    ILogger<SubscriptionManagement> logger)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Sets <c>cancel_at_period_end=true</c>: the creator keeps the plan until the period ends, then Free.</summary>
    public async Task<SubscriptionActionResult> CancelAtPeriodEndAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        using var creatorLock = await LockAsync(creatorProfileId, cancellationToken);
        var row = await CurrentAsync(creatorProfileId, cancellationToken);
        if (row?.StripeSubscriptionId is null) return SubscriptionActionResult.Failed("You are on the Free plan: there is nothing to cancel.");
        if (row.CancelAtPeriodEnd) return SubscriptionActionResult.Done(CoreMessage.Of("Your subscription already cancels on {0}.", Date(row.CurrentPeriodEnd)));
        var applied = await UpdateAndApplyAsync(row, "cancel", new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken);
        logger.LogInformation("Creator {CreatorId} set subscription {StripeSubscriptionId} to cancel at period end", creatorProfileId, row.StripeSubscriptionId);
        return SubscriptionActionResult.Done(CoreMessage.Of("Your subscription cancels on {0}. You keep {1} until then.", Date(applied.CurrentPeriodEnd), CultureName.Of(applied.Plan)));
    }

    /// <summary>Sets <c>cancel_at_period_end=false</c> on a subscription set to cancel: it renews again.</summary>
    public async Task<SubscriptionActionResult> ResumeAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        using var creatorLock = await LockAsync(creatorProfileId, cancellationToken);
        var row = await CurrentAsync(creatorProfileId, cancellationToken);
        if (row?.StripeSubscriptionId is null) return SubscriptionActionResult.Failed("You are on the Free plan: there is nothing to resume. Choose a plan instead.");
        if (!row.CancelAtPeriodEnd) return SubscriptionActionResult.Done(CoreMessage.Of("Your subscription renews on {0}.", Date(row.CurrentPeriodEnd)));
        var applied = await UpdateAndApplyAsync(row, "resume", new SubscriptionUpdateOptions { CancelAtPeriodEnd = false }, cancellationToken);
        logger.LogInformation("Creator {CreatorId} resumed subscription {StripeSubscriptionId}", creatorProfileId, row.StripeSubscriptionId);
        return SubscriptionActionResult.Done(CoreMessage.Of("Your subscription is resumed: it renews on {0}.", Date(applied.CurrentPeriodEnd)));
    }

    /// <summary>
    /// What choosing plan <paramref name="planId"/> billed every <paramref name="interval"/> would do, or why it is
    /// refused: no paid subscription, unknown or inactive plan, no price for the interval in the subscription's
    /// currency, the same price, or the payment guard (<see cref="PaymentEligibility.CanCreatorReceivePayments"/>)
    /// failing for a paid plan. Reads our tables only.
    /// </summary>
    public async Task<PlanChangePreview> PreviewAsync(int creatorProfileId, int planId, PlanInterval interval, CancellationToken cancellationToken = default)
    {
        var row = await CurrentAsync(creatorProfileId, cancellationToken);
        if (row?.StripeSubscriptionId is null || row.PlanPrice is null)
            return PlanChangePreview.Refused("You are on the Free plan: choose a paid plan from the plans page to subscribe.");
        var plan = await db.Plans.AsNoTracking().Include(p => p.Prices).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !plan.IsActive) return PlanChangePreview.Refused("This plan is not available.");
        var now = clock.GetUtcNow().UtcDateTime;
        var trial = row.Status == SubscriptionStatus.Trialing;
        if (plan.IsFree)
        {
            return row.CancelAtPeriodEnd
                ? PlanChangePreview.Refused(CoreMessage.Of("Your subscription already cancels on {0}; you then move to Free.", Date(row.CurrentPeriodEnd)))
                : new(true, null, null, PlanChangeKind.CancelToFree, row.Plan, row.PlanPrice, plan, null, row.CurrentPeriodEnd, null, trial);
        }

        var guard = await eligibility.CanCreatorReceivePayments(creatorProfileId, cancellationToken);
        if (!guard.IsEligible) return PlanChangePreview.Refused("Before changing to a paid plan, finish these steps:", guard);
        var current = row.PlanPrice;
        var price = plan.ActivePrice(interval, current.Currency);
        if (price is null) return PlanChangePreview.Refused(CoreMessage.Of("{0} has no {1} price in {2}.", CultureName.Of(plan), CoreWords.Interval(interval), current.Currency.ToUpperInvariant()));
        if (price.Id == current.Id) return PlanChangePreview.Refused(CoreMessage.Of("You are already on {0}, billed every {1}.", CultureName.Of(plan), new CoreWord(interval == PlanInterval.Year ? "year" : "month")));

        var left = FractionLeft(row.CurrentPeriodStart, row.CurrentPeriodEnd, now);
        var unused = (long)Math.Round(current.AmountMinor * left);
        var (kind, estimate) = price.Interval != current.Interval
            ? (PlanChangeKind.IntervalChange, Math.Max(0, price.AmountMinor - unused))
            : price.AmountMinor > current.AmountMinor
                ? (PlanChangeKind.Upgrade, (long)Math.Round((price.AmountMinor - current.AmountMinor) * left))
                : (PlanChangeKind.Downgrade, (long)Math.Round((current.AmountMinor - price.AmountMinor) * left));
        return new(true, null, null, kind, row.Plan, current, plan, price, now, trial ? 0 : estimate, trial);
    }

    /// <summary>
    /// Changes the plan as <see cref="PreviewAsync"/> describes. Free: <c>cancel_at_period_end=true</c>. A paid plan:
    /// the subscription item's <c>price</c> is swapped (and a pending cancellation dropped); an upgrade or an interval
    /// change uses <c>proration_behavior=always_invoice</c> with <c>payment_behavior=error_if_incomplete</c> (charged
    /// now; a declined card changes nothing), a downgrade <c>create_prorations</c> (credit on the next invoice).
    /// </summary>
    public async Task<SubscriptionActionResult> ChangePlanAsync(int creatorProfileId, int planId, PlanInterval interval, CancellationToken cancellationToken = default)
    {
        using var creatorLock = await LockAsync(creatorProfileId, cancellationToken);
        var preview = await PreviewAsync(creatorProfileId, planId, interval, cancellationToken);
        if (!preview.Allowed) return SubscriptionActionResult.Failed(preview.Refusal!);
        var row = (await CurrentAsync(creatorProfileId, cancellationToken))!;
        if (preview.Kind == PlanChangeKind.CancelToFree)
        {
            var cancelled = await UpdateAndApplyAsync(row, "cancel", new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken);
            return SubscriptionActionResult.Done(CoreMessage.Of("Your subscription cancels on {0}; you then move to Free.", Date(cancelled.CurrentPeriodEnd)));
        }

        var stripePriceId = await priceSync.EnsureStripePriceAsync(preview.NewPrice!.Id, cancellationToken);
        var subscription = await stripe.GetSubscriptionAsync(row.StripeSubscriptionId!, cancellationToken);
        var item = subscription.Items.Data.First();
        var chargeNow = preview.Kind is PlanChangeKind.Upgrade or PlanChangeKind.IntervalChange;
        var options = new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = item.Id, Price = stripePriceId }],
            ProrationBehavior = chargeNow ? "always_invoice" : "create_prorations",
            PaymentBehavior = chargeNow ? "error_if_incomplete" : null,
            CancelAtPeriodEnd = row.CancelAtPeriodEnd ? false : null,
        };
        try
        {
            var applied = await UpdateAndApplyAsync(row, $"price:{stripePriceId}", options, cancellationToken);
            logger.LogInformation("Creator {CreatorId} changed subscription {StripeSubscriptionId} to {PlanCode} ({Kind})",
                creatorProfileId, row.StripeSubscriptionId, preview.NewPlan!.Code, preview.Kind);
            var newInterval = CoreWords.Interval(preview.NewPrice.Interval);
            return SubscriptionActionResult.Done(chargeNow && !preview.DuringTrial
                ? CoreMessage.Of("You are now on {0} ({1}). Stripe invoiced the prorated difference; it shows under Payments once paid.", CultureName.Of(applied.Plan), newInterval)
                : CoreMessage.Of("You are now on {0} ({1}).", CultureName.Of(applied.Plan), newInterval));
        }
        catch (StripeException ex) when (StripeFailure.From(ex) is { Kind: StripeFailureKind.CardDeclined })
        {
            logger.LogWarning("Plan change of creator {CreatorId} to {PlanCode} declined by Stripe: {StripeError}", creatorProfileId, preview.NewPlan!.Code, ex.Message);
            return SubscriptionActionResult.Failed("Your card was declined, so nothing has changed. Update your payment method in the billing portal, then try again.");
        }
    }

    /// <summary>
    /// A Billing Portal session (https://docs.stripe.com/api/customer_portal/sessions/create) for the creator's Stripe
    /// Customer, returning to <paramref name="returnUrl"/>, in the page's language (<c>locale</c> from the current UI
    /// culture); its URL, or null when the creator has no Customer yet.
    /// </summary>
    public async Task<string?> CreatePortalUrlAsync(int creatorProfileId, string returnUrl, CancellationToken cancellationToken = default)
    {
        var customerId = await db.CreatorSubscriptions.AsNoTracking().Where(s => s.CreatorProfileId == creatorProfileId)
            .Select(s => s.StripeCustomerId).SingleOrDefaultAsync(cancellationToken);
        if (customerId is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        var locale = Orders.CheckoutLocales.ForUiCulture(System.Globalization.CultureInfo.CurrentUICulture); // the portal speaks the page's language
        var session = await stripe.CreateBillingPortalSessionAsync(customerId, returnUrl, locale, IdempotencyKeys.BillingPortalSession(creatorProfileId, minute, locale),
            cancellationToken);
        logger.LogInformation("Creator {CreatorId} opened Billing Portal session {PortalSessionId}", creatorProfileId, session.Id);
        return session.Url;
    }

    private async Task<CreatorSubscription> UpdateAndApplyAsync(CreatorSubscription row, string change, SubscriptionUpdateOptions options, CancellationToken cancellationToken)
    {
        var subscriptionId = row.StripeSubscriptionId!;
        await stripe.UpdateSubscriptionAsync(subscriptionId, options, IdempotencyKeys.SubscriptionChange(subscriptionId, change, row.UpdatedAt), cancellationToken);
        return await sync.ApplyAsync(subscriptionId, row.CreatorProfileId, null, cancellationToken);
    }

    private Task<CreatorSubscription?> CurrentAsync(int creatorProfileId, CancellationToken cancellationToken) =>
        db.CreatorSubscriptions.AsNoTracking().Include(s => s.Plan).Include(s => s.PlanPrice)
            .SingleOrDefaultAsync(s => s.CreatorProfileId == creatorProfileId, cancellationToken);

    private Task<IDisposable> LockAsync(int creatorProfileId, CancellationToken cancellationToken) =>
        locks.AcquireAsync($"subscription:creator:{creatorProfileId}", LockTimeout, cancellationToken);

    private static double FractionLeft(DateTime? start, DateTime? end, DateTime now) =>
        start is { } s && end is { } e && e > s ? Math.Clamp((e - now).TotalSeconds / (e - s).TotalSeconds, 0, 1) : 0;

    private static object Date(DateTime? value) => value is { } v ? v : new CoreWord("the end of the period");
}
