using Marketplace.Core.Accounts;
using Marketplace.Core.PlanCheckout;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Web.Configuration;
using Marketplace.Web.Creators;
using Marketplace.Web.Errors;
using Marketplace.Web.Models;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's plan: <c>/creator/subscription/…</c>: the subscription page, the plans, choosing one
/// (Free at once, paid through the payment guard and Stripe Checkout), Checkout's success and cancel callbacks, and the
/// self-service actions on a paid subscription: Billing Portal, cancel at period end, resume, plan change (confirm
/// page, then POST). Everything acts on the signed-in creator only: no creator or subscription id is read from the request.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/subscription")]
public sealed class CreatorSubscriptionController(
    CurrentCreator currentCreator,
    PlanQueries plans,
    PaymentEligibility eligibility,
    CreatorCheckout checkout,
    SubscriptionManagement management,
    BillingOverviewQuery overviews,
    PublicUrls publicUrls,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The creator's plan, status in words, period, capabilities and usage, and the payment history.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator.Subscription is not { } subscription) return Forbid();
        // The profile the Creator policy loaded holds the subscription with its plan and price: no second read of them.
        var overview = await overviews.ForSubscriptionAsync(subscription, cancellationToken);
        return View(new SubscriptionPageViewModel(creator, overview));
    }

    /// <summary>A Billing Portal session for the creator's Stripe Customer, coming back here; 303 to it.</summary>
    [HttpPost("portal")]
    [OnStripeFailure("/creator/subscription")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Portal(CancellationToken cancellationToken) => OpenPortalAsync(cancellationToken);

    /// <summary>
    /// The same from a link (the "payment failed" email): a portal session only shows the signed-in creator their own
    /// billing, so a GET changes nothing. Signed out, the login page comes first and returns here.
    /// </summary>
    [HttpGet("portal")]
    [OnStripeFailure("/creator/subscription")]
    public Task<IActionResult> PortalLink(CancellationToken cancellationToken) => OpenPortalAsync(cancellationToken);

    private async Task<IActionResult> OpenPortalAsync(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        var url = await management.CreatePortalUrlAsync(creator.Id, publicUrls.For(Request, "/creator/subscription"), cancellationToken);
        if (url is null)
        {
            TempData["Error"] = text["You have no billing account with Stripe yet: choose a paid plan first."].Value;
            return RedirectToAction(nameof(Index));
        }

        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>Sets the subscription to cancel at the end of the period (<c>cancel_at_period_end=true</c>).</summary>
    [HttpPost("cancel")]
    [OnStripeFailure("/creator/subscription", RefusalMessage = OnStripeFailureAttribute.StripeRefused)]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> CancelSubscription(CancellationToken cancellationToken) =>
        RunAsync((id, ct) => management.CancelAtPeriodEndAsync(id, ct), cancellationToken);

    /// <summary>Undoes a pending cancellation (<c>cancel_at_period_end=false</c>).</summary>
    [HttpPost("resume")]
    [OnStripeFailure("/creator/subscription", RefusalMessage = OnStripeFailureAttribute.StripeRefused)]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Resume(CancellationToken cancellationToken) =>
        RunAsync((id, ct) => management.ResumeAsync(id, ct), cancellationToken);

    /// <summary>The confirm page of a plan change: the new price and when it applies, or why it cannot be done.</summary>
    [HttpGet("plan/{planId:int}/change")]
    public async Task<IActionResult> Change(int planId, [FromQuery] string? interval, CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (ParseInterval(interval) is not { } parsed)
        {
            TempData["Error"] = text["Choose monthly or yearly billing."].Value;
            return RedirectToAction(nameof(Upgrade));
        }

        var preview = await management.PreviewAsync(creator.Id, planId, parsed, cancellationToken);
        if (!preview.Allowed)
        {
            TempData["Error"] = text.SayOrNull(preview.Refusal);
            if (preview.Eligibility is { } guard) TempData["Unmet"] = string.Join('\n', guard.UnmetConditions.Select(c => $"{text.Message(c)} {text.WhatToDo(c)}"));
            return RedirectToAction(nameof(Upgrade));
        }

        return View(new PlanChangeViewModel(planId, interval!, preview));
    }

    /// <summary>Confirms a plan change (form <c>interval</c>): guard, then Stripe; Free means cancel at period end.</summary>
    [HttpPost("plan/{planId:int}/change")]
    [OnStripeFailure("/creator/subscription/upgrade", RefusalMessage = OnStripeFailureAttribute.StripeRefused)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmChange(int planId, [FromForm] string? interval, CancellationToken cancellationToken)
    {
        if (ParseInterval(interval) is not { } parsed)
        {
            TempData["Error"] = text["Choose monthly or yearly billing."].Value;
            return RedirectToAction(nameof(Upgrade));
        }

        return await RunAsync((id, ct) => management.ChangePlanAsync(id, planId, parsed, ct), cancellationToken, failureTo: nameof(Upgrade));
    }

    /// <summary>The plans, with the creator's current one marked and the payment guard's result shown before they click.</summary>
    [HttpGet("upgrade")]
    public async Task<IActionResult> Upgrade(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        ViewData["Creator"] = creator;
        var guard = await eligibility.CanCreatorReceivePayments(creator.Id, cancellationToken);
        return View(new PlanCardsViewModel(await plans.ActivePlansAsync(cancellationToken), creator.Subscription?.PlanId, CanSelect: true, guard,
            ChangesPlan: creator.Subscription?.StripeSubscriptionId is not null));
    }

    /// <summary>Chooses plan <paramref name="planId"/> billed every <paramref name="interval"/> (<c>month</c> or <c>year</c>).</summary>
    [HttpPost("plan/{planId:int}/select")]
    [OnStripeFailure("/creator/subscription/upgrade")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Select(int planId, [FromForm] string? interval, CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (interval is not ("month" or "year"))
        {
            TempData["Error"] = text["Choose monthly or yearly billing."].Value;
            return RedirectToAction(nameof(Upgrade));
        }

        var success = publicUrls.For(Request, $"/creator/subscription/plan/{planId}/checkout/success?session_id={{CHECKOUT_SESSION_ID}}");
        var cancel = publicUrls.For(Request, $"/creator/subscription/plan/{planId}/checkout/cancel");
        var result = await checkout.SelectPlanAsync(creator.Id, currentCreator.Email!, planId,
            interval == "year" ? PlanInterval.Year : PlanInterval.Month, success, cancel, cancellationToken);
        switch (result.Outcome)
        {
            case PlanSelectionOutcome.RedirectToCheckout:
                Response.Headers.Location = result.CheckoutUrl;
                return StatusCode(StatusCodes.Status303SeeOther);
            case PlanSelectionOutcome.FreePlanActivated:
                TempData["Message"] = text.SayOrNull(result.Message);
                return RedirectToAction(nameof(Index));
            case PlanSelectionOutcome.NotEligible:
                TempData["Error"] = text.SayOrNull(result.Message);
                TempData["Unmet"] = string.Join('\n', result.Eligibility!.UnmetConditions.Select(c => $"{text.Message(c)} {text.WhatToDo(c)}"));
                return RedirectToAction(nameof(Upgrade));
            default:
                TempData["Error"] = text.SayOrNull(result.Message);
                return RedirectToAction(nameof(Upgrade));
        }
    }

    /// <summary>Stripe Checkout's <c>success_url</c>: verifies the session and applies the subscription now.</summary>
    [HttpGet("plan/{planId:int}/checkout/success")]
    [OnStripeFailure("/creator/subscription", Level = "Info", Message = "Your payment is being confirmed; your plan will change as soon as Stripe tells us.")]
    public async Task<IActionResult> Success(int planId, [FromQuery(Name = "session_id")] string? sessionId, CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        var completion = await checkout.CompleteAsync(creator.Id, planId, sessionId, cancellationToken);
        TempData[completion.Applied ? "Message" : "Error"] = text.Say(completion.Message);
        return completion.Applied ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Upgrade));
    }

    /// <summary>Stripe Checkout's <c>cancel_url</c>: nothing changes.</summary>
    [HttpGet("plan/{planId:int}/checkout/cancel")]
    public IActionResult Cancel(int planId)
    {
        TempData["Info"] = text["Checkout was cancelled: nothing has changed."].Value;
        return RedirectToAction(nameof(Upgrade));
    }

    private async Task<IActionResult> RunAsync(Func<int, CancellationToken, Task<SubscriptionActionResult>> action, CancellationToken cancellationToken,
        string failureTo = nameof(Index))
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        var result = await action(creator.Id, cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = text.Say(result.Message);
        return RedirectToAction(result.Succeeded ? nameof(Index) : failureTo);
    }

    private static PlanInterval? ParseInterval(string? interval) => interval switch
    {
        "month" => PlanInterval.Month,
        "year" => PlanInterval.Year,
        _ => null,
    };

    private Task<CreatorProfile> CurrentCreatorAsync(CancellationToken cancellationToken) => currentCreator.GetAsync(cancellationToken);
}
