using System.Security.Claims;
using Marketplace.Core.Checkout;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Plans;
using Marketplace.Core.Seeding;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Stripe;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's plan: <c>/creator/subscription/…</c>: the subscription page, the plans, choosing one
/// (Free at once, paid through the payment guard and Stripe Checkout) and Checkout's success and cancel callbacks.
/// Everything acts on the signed-in creator only.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/subscription")]
public sealed class CreatorSubscriptionController(
    CreatorQueries creators,
    PlanQueries plans,
    PaymentEligibility eligibility,
    CreatorCheckout checkout,
    ILogger<CreatorSubscriptionController> logger) : Controller
{
    private const string StripeDownMessage = "We could not reach Stripe just now, so nothing has changed. Please try again in a minute.";

    /// <summary>The creator's current plan, status and period.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await CurrentCreatorAsync(cancellationToken) is { } creator ? View(creator) : Forbid();

    /// <summary>The plans, with the creator's current one marked and the payment guard's result shown before they click.</summary>
    [HttpGet("upgrade")]
    public async Task<IActionResult> Upgrade(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator is null) return Forbid();
        ViewData["Creator"] = creator;
        var guard = await eligibility.CanCreatorReceivePayments(creator.Id, cancellationToken);
        return View(new PlanCardsViewModel(await plans.ActivePlansAsync(cancellationToken), creator.Subscription?.PlanId, CanSelect: true, guard));
    }

    /// <summary>Chooses plan <paramref name="planId"/> billed every <paramref name="interval"/> (<c>month</c> or <c>year</c>).</summary>
    [HttpPost("plan/{planId:int}/select")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Select(int planId, [FromForm] string? interval, CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator is null) return Forbid();
        if (interval is not ("month" or "year"))
        {
            TempData["Error"] = "Choose monthly or yearly billing.";
            return RedirectToAction(nameof(Upgrade));
        }

        var success = Url.ActionLink(nameof(Success), values: new { planId })! + "?session_id={CHECKOUT_SESSION_ID}";
        var cancel = Url.ActionLink(nameof(Cancel), values: new { planId })!;
        try
        {
            var result = await checkout.SelectPlanAsync(creator.Id, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity!.Name!, planId,
                interval == "year" ? PlanInterval.Year : PlanInterval.Month, success, cancel, cancellationToken);
            switch (result.Outcome)
            {
                case PlanSelectionOutcome.RedirectToCheckout:
                    Response.Headers.Location = result.CheckoutUrl;
                    return StatusCode(StatusCodes.Status303SeeOther);
                case PlanSelectionOutcome.FreePlanActivated:
                    TempData["Message"] = result.Message;
                    return RedirectToAction(nameof(Index));
                case PlanSelectionOutcome.NotEligible:
                    TempData["Error"] = result.Message;
                    TempData["Unmet"] = string.Join('\n', result.Eligibility!.UnmetConditions.Select(c => $"{c.Message} {c.WhatToDo}"));
                    return RedirectToAction(nameof(Upgrade));
                default:
                    TempData["Error"] = result.Message;
                    return RedirectToAction(nameof(Upgrade));
            }
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException or TaskCanceledException or TimeoutException)
        {
            logger.LogWarning(ex, "Plan selection of creator {CreatorId} failed on Stripe", creator.Id);
            TempData["Error"] = StripeDownMessage;
            return RedirectToAction(nameof(Upgrade));
        }
    }

    /// <summary>Stripe Checkout's <c>success_url</c>: verifies the session and applies the subscription now.</summary>
    [HttpGet("plan/{planId:int}/checkout/success")]
    public async Task<IActionResult> Success(int planId, [FromQuery(Name = "session_id")] string? sessionId, CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator is null) return Forbid();
        try
        {
            var completion = await checkout.CompleteAsync(creator.Id, planId, sessionId, cancellationToken);
            TempData[completion.Applied ? "Message" : "Error"] = completion.Message;
            return completion.Applied ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Upgrade));
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException or TaskCanceledException or TimeoutException)
        {
            logger.LogWarning(ex, "Checkout success of creator {CreatorId} could not be verified with Stripe", creator.Id);
            TempData["Info"] = "Your payment is being confirmed; your plan will change as soon as Stripe tells us.";
            return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>Stripe Checkout's <c>cancel_url</c>: nothing changes.</summary>
    [HttpGet("plan/{planId:int}/checkout/cancel")]
    public IActionResult Cancel(int planId)
    {
        TempData["Info"] = "Checkout was cancelled: nothing has changed.";
        return RedirectToAction(nameof(Upgrade));
    }

    private Task<CreatorProfile?> CurrentCreatorAsync(CancellationToken cancellationToken) =>
        creators.ProfileForUserAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
}
