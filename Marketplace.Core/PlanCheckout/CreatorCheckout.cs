using Marketplace.Core.Text;
using System.Globalization;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Plans;
using Marketplace.Core.PriceSync;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe.Checkout;

namespace Marketplace.Core.PlanCheckout;

/// <summary>
/// A creator choosing a plan (the flow of the design seed 004): an inactive plan is refused, the Free plan is
/// activated at once, a paid plan passes <see cref="PaymentEligibility.CanCreatorReceivePayments"/> before any Stripe
/// call, then gets a subscription-mode Checkout Session (https://docs.stripe.com/api/checkout/sessions/create) for the
/// creator's one Stripe Customer. Then <see cref="CompleteAsync"/> verifies the session on the success page.
/// </summary>
public sealed class CreatorCheckout(
    MarketplaceDbContext db,
    PaymentEligibility eligibility,
    PlanPriceSync priceSync,
    IStripeGateway stripe,
    StripeSubscriptionSync subscriptions,
    IDistributedLocks locks,
    TimeProvider clock,
    ILogger<CreatorCheckout> logger)
{
    /// <summary>
    /// Handles "choose <paramref name="planId"/>, billed every <paramref name="interval"/>". The URLs are absolute;
    /// <paramref name="successUrl"/> contains <c>{CHECKOUT_SESSION_ID}</c>. Throws what the gateway throws when Stripe
    /// fails (<c>StripeException</c>, network errors): nothing is half-done, a second try reuses what was created.
    /// </summary>
    public async Task<PlanSelectionResult> SelectPlanAsync(int creatorProfileId, string email, int planId, PlanInterval interval,
        string successUrl, string cancelUrl, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.Include(p => p.Prices).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !plan.IsActive) return new(PlanSelectionOutcome.PlanUnavailable, "This plan is not available.");

        using var creatorLock = await locks.AcquireAsync($"checkout:creator:{creatorProfileId}", TimeSpan.FromSeconds(30), cancellationToken);
        var subscription = await db.CreatorSubscriptions.Include(s => s.CreatorProfile).Include(s => s.Plan)
            .SingleOrDefaultAsync(s => s.CreatorProfileId == creatorProfileId, cancellationToken)
            ?? throw new InvalidOperationException($"Creator {creatorProfileId} has no subscription row.");
        return plan.IsFree
            ? await SelectFreePlanAsync(subscription, plan, cancellationToken)
            : await SelectPaidPlanAsync(subscription, plan, email, interval, successUrl, cancelUrl, cancellationToken);
    }

    /// <summary>The Free plan: at once, with no Stripe call; refused while a paid Stripe subscription is live.</summary>
    private async Task<PlanSelectionResult> SelectFreePlanAsync(CreatorSubscription subscription, Plan plan, CancellationToken cancellationToken)
    {
        if (subscription.StripeSubscriptionId is not null)
            return new(PlanSelectionOutcome.AlreadySubscribed, "You have a paid subscription: cancel it from your subscription page to go back to Free at the end of the period.");
        if (subscription.PlanId == plan.Id) return new(PlanSelectionOutcome.FreePlanActivated, "You are on the Free plan.");
        subscription.ActivateFreePlan(plan, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new(PlanSelectionOutcome.FreePlanActivated, "You are now on the Free plan.");
    }

    /// <summary>
    /// A paid plan: the payment guard, no second live subscription, the plan's active price for <paramref name="interval"/>
    /// (synced to Stripe), the creator's one Customer, then the Checkout Session (<see cref="CheckoutForPriceAsync"/>).
    /// </summary>
    private async Task<PlanSelectionResult> SelectPaidPlanAsync(CreatorSubscription subscription, Plan plan, string email, PlanInterval interval,
        string successUrl, string cancelUrl, CancellationToken cancellationToken)
    {
        var creatorProfileId = subscription.CreatorProfileId;
        var guard = await eligibility.CanCreatorReceivePayments(creatorProfileId, cancellationToken);
        if (!guard.IsEligible)
            return new(PlanSelectionOutcome.NotEligible, "Before choosing a paid plan, finish these steps:", guard);
        if (subscription.StripeSubscriptionId is not null)
            return new(PlanSelectionOutcome.AlreadySubscribed, CoreMessage.Of("You already subscribe to {0}: change plan from your subscription page.", CultureName.Of(subscription.Plan)));

        var price = plan.ActivePrice(interval);
        if (price is null) return new(PlanSelectionOutcome.PlanUnavailable, CoreMessage.Of("{0} has no {1} price.", CultureName.Of(plan), CoreWords.Interval(interval)));
        var stripePriceId = await priceSync.EnsureStripePriceAsync(price.Id, cancellationToken);
        await EnsureCustomerAsync(subscription, email, cancellationToken);
        return await CheckoutForPriceAsync(subscription, plan, price, stripePriceId, successUrl, cancelUrl, cancellationToken);
    }

    /// <summary>Creates the creator's one Stripe Customer (idempotency key per creator) when the row has none yet.</summary>
    private async Task EnsureCustomerAsync(CreatorSubscription subscription, string email, CancellationToken cancellationToken)
    {
        if (subscription.StripeCustomerId is not null) return;
        var customer = await stripe.CreateCreatorCustomerAsync(subscription.CreatorProfileId, email, subscription.CreatorProfile!.DisplayName, cancellationToken);
        subscription.LinkStripeCustomer(customer.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One payable subscription session per creator: two open pages (two tabs, back and another plan) would give two live
    /// subscriptions. The open one for this very price is reused (a double click, a second tab); the others expire, and
    /// one that completed meanwhile stops here; otherwise a new session.
    /// </summary>
    private async Task<PlanSelectionResult> CheckoutForPriceAsync(CreatorSubscription subscription, Plan plan, PlanPrice price, string stripePriceId,
        string successUrl, string cancelUrl, CancellationToken cancellationToken)
    {
        var creatorProfileId = subscription.CreatorProfileId;
        var open = await OpenSessionsAsync(subscription.StripeCustomerId!, cancellationToken);
        var reusable = open.FirstOrDefault(s => s.Metadata?.GetValueOrDefault(StripeMetadataKeys.PlanPriceId) == Text(price.Id));
        var expired = new List<string>();
        foreach (var other in open.Where(s => s != reusable))
        {
            var after = await stripe.ExpireCheckoutSessionAsync(other.Id, cancellationToken);
            logger.LogInformation("Creator {CreatorId}: Checkout Session {CheckoutSessionId} expired before another plan's checkout (now {Status})",
                creatorProfileId, other.Id, after.Status);
            if (after.Status == "complete")
                return new(PlanSelectionOutcome.AlreadySubscribed, "A payment for another plan has just completed: your subscription page shows it.");
            expired.Add(other.Id);
        }

        if (reusable is not null)
        {
            logger.LogInformation("Creator {CreatorId} sent back to open Checkout Session {CheckoutSessionId} for {PlanCode} {Interval}",
                creatorProfileId, reusable.Id, plan.Code, price.Interval);
            return new(PlanSelectionOutcome.RedirectToCheckout, CheckoutUrl: reusable.Url, CheckoutSessionId: reusable.Id);
        }

        var session = await CreateSessionAsync(creatorProfileId, plan, price, stripePriceId, subscription, successUrl, cancelUrl, expired, cancellationToken);
        logger.LogInformation("Creator {CreatorId} sent to Checkout Session {CheckoutSessionId} for {PlanCode} {Interval}",
            creatorProfileId, session.Id, plan.Code, price.Interval);
        return new(PlanSelectionOutcome.RedirectToCheckout, CheckoutUrl: session.Url, CheckoutSessionId: session.Id);
    }

    /// <summary>
    /// The success page: the session must exist, belong to this creator (<c>client_reference_id</c> and
    /// <c>metadata.creator_id</c>) and to this plan, and be complete with <c>payment_status</c> <c>paid</c> or
    /// <c>no_payment_required</c>; then its subscription is applied through the same path as the webhook (whichever
    /// comes first wins; the other changes nothing). Anything else applies nothing.
    /// </summary>
    public async Task<CheckoutCompletion> CompleteAsync(int creatorProfileId, int planId, string? sessionId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(sessionId) || !sessionId.StartsWith("cs_", StringComparison.Ordinal))
            return CheckoutCompletion.Refused("This payment link is not valid.");
        var session = await stripe.FindCheckoutSessionAsync(sessionId, cancellationToken);
        if (session is null) return CheckoutCompletion.Refused("This payment session does not exist.");
        var creatorText = Text(creatorProfileId);
        if (session.ClientReferenceId != creatorText || session.Metadata?.GetValueOrDefault(StripeMetadataKeys.CreatorId) != creatorText)
        {
            logger.LogWarning("Creator {CreatorId} opened the success page with Checkout Session {CheckoutSessionId} of someone else", creatorProfileId, sessionId);
            return CheckoutCompletion.Refused("This payment session is not yours.");
        }

        if (session.Metadata.GetValueOrDefault(StripeMetadataKeys.PlanId) != Text(planId)) return CheckoutCompletion.Refused("This payment session is for another plan.");
        if (session.Status == "open") return CheckoutCompletion.Refused("The payment was not completed.");
        if (session.Status != "complete" || session.PaymentStatus is not ("paid" or "no_payment_required") || session.SubscriptionId is null)
            return CheckoutCompletion.Refused(session.Status == "complete" ? "Your payment is still being processed; your plan will change as soon as Stripe confirms it." : "The payment was not completed.");

        var applied = await subscriptions.ApplyAsync(session.SubscriptionId, creatorProfileId, null, cancellationToken);
        if (applied.StripeSubscriptionId != session.SubscriptionId && applied.StripeSubscriptionId is not null)
            return CheckoutCompletion.Refused(CoreMessage.Of("You already subscribe to {0}: this second subscription was canceled at once and is not billed again.", CultureName.Of(applied.Plan)));
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == applied.PlanId, cancellationToken);
        return new CheckoutCompletion(true, CoreMessage.Of("You are now on {0}.", CultureName.Of(plan)));
    }

    private async Task<IReadOnlyList<Session>> OpenSessionsAsync(string customerId, CancellationToken cancellationToken) =>
        [.. (await stripe.ListOpenCheckoutSessionsAsync(customerId, cancellationToken)).Where(s => s.Mode == "subscription")];

    /// <summary>
    /// Creates the session. Its idempotency key also names the sessions just expired, so that a plan chosen again after
    /// another one (Silver, Gold, Silver) gets a new session rather than Stripe's replay of the first, now expired; a
    /// replay that is no longer open (found by a retrieve) is created again under a key naming it.
    /// </summary>
    private async Task<Session> CreateSessionAsync(int creatorProfileId, Plan plan, PlanPrice price, string stripePriceId,
        CreatorSubscription subscription, string successUrl, string cancelUrl, IReadOnlyList<string> expired, CancellationToken cancellationToken)
    {
        var stripeAccountId = await db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorProfileId)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
        var hadTrialOrPayment = subscription.TrialConsumedAt is not null || subscription.TrialEnd is not null
            || await db.Payments.AnyAsync(p => p.CreatorProfileId == creatorProfileId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var hourStart = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadataKeys.CreatorId] = Text(creatorProfileId),
            [StripeMetadataKeys.CreatorProfileId] = Text(creatorProfileId),
            [StripeMetadataKeys.PlanId] = Text(plan.Id),
            [StripeMetadataKeys.PlanCode] = plan.Code,
            [StripeMetadataKeys.PlanPriceId] = Text(price.Id),
            [StripeMetadataKeys.StripeAccountId] = stripeAccountId ?? "",
        };
        var options = new SessionCreateOptions
        {
            Mode = "subscription",
            Customer = subscription.StripeCustomerId,
            ClientReferenceId = Text(creatorProfileId),
            LineItems = [new SessionLineItemOptions { Price = stripePriceId, Quantity = 1 }],
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            AllowPromotionCodes = true,
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions
            {
                Metadata = metadata,
                TrialPeriodDays = plan.TrialDays > 0 && !hadTrialOrPayment ? plan.TrialDays : null,
            },
            ExpiresAt = hourStart.AddHours(2),
            Locale = Orders.CheckoutLocales.ForUiCulture(CultureInfo.CurrentUICulture), // Checkout speaks the page's language
        };
        var key = IdempotencyKeys.CheckoutSession(creatorProfileId, price.Id, hourStart, subscription.UpdatedAt, expired, options.Locale);
        var session = await stripe.CreateCheckoutSessionAsync(options, key, cancellationToken);
        if ((await stripe.GetCheckoutSessionAsync(session.Id, cancellationToken)).Status == "open") return session;
        return await stripe.CreateCheckoutSessionAsync(options, IdempotencyKeys.CheckoutSession(creatorProfileId, price.Id, hourStart,
            subscription.UpdatedAt, [.. expired, session.Id], options.Locale), cancellationToken);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the success page shows: applied or not, and the message.</summary>
public sealed record CheckoutCompletion(bool Applied, CoreMessage Message)
{
    public static CheckoutCompletion Refused(CoreMessage message) => new(false, message);
}
