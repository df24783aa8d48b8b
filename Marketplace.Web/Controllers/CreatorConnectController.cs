using Marketplace.Core.Accounts;
using Marketplace.Core.Connect;
using Marketplace.Core;
using Marketplace.Core.Creators;
using Marketplace.Web.Errors;
using Marketplace.Web.Configuration;
using Marketplace.Web.Creators;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's Stripe Connect onboarding, <c>/creator/connect/…</c>. Every action works on the signed-in
/// creator's own account only: no account or creator id is ever read from the URL or the form.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/connect")]
public sealed class CreatorConnectController(
    CurrentCreator currentCreator,
    PaymentEligibility eligibility,
    ConnectOnboarding onboarding,
    ConnectAccountSync sync,
    ExpressDashboard expressDashboard,
    PublicUrls publicUrls,
    IStringLocalizer<SharedResource> text) : Controller
{
    internal const string RetryMessage =
        "We could not reach Stripe just now, so nothing has changed. Please try again in a minute: your Stripe account will be reused.";

    internal const string DeauthorizedMessage =
        "Your Stripe account is disconnected from the marketplace, so onboarding cannot continue. Contact the marketplace’s support team to reconnect it.";

    internal const string StaleStatusMessage =
        "We could not get your latest status from Stripe just now. It will update shortly; refresh this page in a minute.";

    /// <summary>
    /// The creator's Connect status in plain words and each condition of the payment guard; also the page shown in
    /// place of an action below that failed on Stripe (<see cref="OnStripeFailureAttribute"/>), with its message and the
    /// account as stored now.
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        OnStripeFailureAttribute.MessageOf(HttpContext) is { } failure
            ? await StatusPageAsync(failure, cancellationToken, (await currentCreator.ReloadAsync(cancellationToken))?.StripeAccount)
            : await StatusPageAsync(null, cancellationToken);

    /// <summary>
    /// Creates the creator's Express account in the <paramref name="country"/> they chose if they have none (a country
    /// the platform cannot pay: the page again with why, 400, nothing sent to Stripe), then an account link; 303 to
    /// Stripe's onboarding.
    /// </summary>
    [HttpPost("onboard")]
    [ValidateAntiForgeryToken]
    [OnStripeFailure("/creator/connect", Message = RetryMessage, ShowStatus = StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> Onboard([FromForm] string? country, CancellationToken cancellationToken) => RedirectToOnboardingAsync(country, cancellationToken);

    /// <summary>
    /// Stripe's <c>refresh_url</c>: the link expired or was used; a fresh link and 303 to it. A GET never creates an
    /// account: without one the creator is sent to the status page.
    /// </summary>
    [HttpGet("refresh")]
    [OnStripeFailure("/creator/connect", Message = RetryMessage, ShowStatus = StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Refresh(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator.StripeAccount is null) return RedirectToAction(nameof(Index));
        return await RedirectToOnboardingAsync(null, cancellationToken);
    }

    /// <summary>Stripe's <c>return_url</c>: reads the account from Stripe now (the webhook may come later) and shows the status.</summary>
    [HttpGet("return")]
    [OnStripeFailure("/creator/connect", Message = StaleStatusMessage, ShowStatus = StatusCodes.Status200OK)]
    public async Task<IActionResult> Return(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator.StripeAccount is null || creator.StripeAccount.IsDeauthorized) return await StatusPageAsync(null, cancellationToken);
        var synced = await sync.SyncAsync(creator.StripeAccount.StripeAccountId, eventCreatedAt: null, cancellationToken);
        return await StatusPageAsync(null, cancellationToken, synced ?? creator.StripeAccount);
    }

    /// <summary>
    /// A fresh single-use login link to the creator's Express dashboard (payouts, bank details); 303 to it. Without an
    /// account whose details are submitted, back to the status page with why.
    /// </summary>
    [HttpPost("dashboard")]
    [ValidateAntiForgeryToken]
    [OnStripeFailure("/creator/connect", Message = RetryMessage, ShowStatus = StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Dashboard(CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        var url = await expressDashboard.LoginUrlAsync(creator.Id, cancellationToken);
        if (url is null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await StatusPageAsync("Your Stripe Express dashboard opens once you have finished Stripe's onboarding.", cancellationToken);
        }

        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<IActionResult> RedirectToOnboardingAsync(string? country, CancellationToken cancellationToken)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        if (creator.StripeAccount?.IsDeauthorized == true)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await StatusPageAsync(DeauthorizedMessage, cancellationToken);
        }

        try
        {
            var url = await onboarding.StartAsync(creator.Id, currentCreator.Email!, country, AbsoluteUrl("/creator/connect/refresh"), AbsoluteUrl("/creator/connect/return"), cancellationToken);
            Response.Headers.Location = url;
            return StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (DomainException ex)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await StatusPageAsync(text.Say(ex.Text), cancellationToken, chosenCountry: country);
        }
    }

    /// <summary>The status page; <paramref name="account"/> when this request changed the account (else the profile's).</summary>
    private async Task<IActionResult> StatusPageAsync(string? error, CancellationToken cancellationToken, CreatorStripeAccount? account = null, string? chosenCountry = null)
    {
        var creator = await CurrentCreatorAsync(cancellationToken);
        var result = await eligibility.CanCreatorReceivePayments(creator.Id, cancellationToken);
        var country = ConnectCountries.Find(chosenCountry)?.Code ?? onboarding.DefaultCountry;
        return View("Index", new ConnectStatusViewModel(creator, account ?? creator.StripeAccount, result, error) { Country = country });
    }

    private Task<CreatorProfile> CurrentCreatorAsync(CancellationToken cancellationToken) => currentCreator.GetAsync(cancellationToken);

    private string AbsoluteUrl(string path) => publicUrls.For(Request, path);
}
