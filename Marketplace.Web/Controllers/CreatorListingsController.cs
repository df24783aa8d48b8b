using System.Globalization;
using Marketplace.Core.Accounts;
using Marketplace.Core.Creators;
using Marketplace.Core.Listings;
using Marketplace.Markdown;
using Marketplace.Web.Listings;
using Marketplace.Core.Subscriptions;
using Marketplace.Web.Creators;
using Marketplace.Web.Models;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Marketplace.StripeGateway;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The signed-in creator's listings, <c>/creator/listings/…</c>: list, new, edit, deactivate, reactivate. A listing
/// past the plan's <c>MaxListings</c> is refused with HTTP 402 (an HTML page, or a ProblemDetails for
/// <c>Accept: application/json</c>) and nothing is stored. Another creator's listing id answers 404.
/// </summary>
/// <remarks>
/// The form is <c>multipart/form-data</c>: a cover and gallery pictures (<see cref="ListingImageUploads"/>) come with the
/// text; a refused picture shows the same form with the reason (400) and nothing is saved. <c>POST …/preview</c> shows
/// the description as the listing page will (sanitized Markdown).
/// </remarks>
[Authorize(Policy = Roles.Creator)]
[Route("creator/listings")]
public sealed class CreatorListingsController(CurrentCreator currentCreator, CreatorListings listings, ListingImageUploads uploads,
    MarkdownText markdown, IStringLocalizer<SharedResource> text, IOptions<StripeOptions> stripeOptions) : Controller
{
    /// <summary>The creator's listings with their plan's limit.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var all = await listings.ForCreatorAsync(creator.Id, cancellationToken);
        // The plan's limit from the profile the Creator policy loaded (its subscription and plan), as CreatorCapabilities reads it.
        var caps = creator.Subscription?.Plan?.Capabilities;
        return View(new ListingsPageViewModel(all, caps?.MaxListings, all.Count(l => l.IsActive)));
    }

    /// <summary>The empty form, priced in the creator's Connect account's <c>default_currency</c> (<see cref="ListingCurrencies"/>).</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var creator = await currentCreator.GetAsync(cancellationToken);
        var form = new ListingFormModel { Currency = ListingCurrencies.DefaultFor(creator.StripeAccount, stripeOptions.Value.PlatformCountry) };
        return View("Form", new ListingFormViewModel(form, null, null));
    }

    /// <summary>Creates a listing: 303 to the list; the same form with the message (400) when invalid; 402 past the limit.</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(ListingImageUploads.MaxFormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ListingImageUploads.MaxFormBytes)]
    public async Task<IActionResult> Create([FromForm] ListingFormModel form, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var (images, imageError) = uploads.Read(form);
        if (images is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", new ListingFormViewModel(form, null, text.SayOrNull(imageError)));
        }

        var result = await listings.CreateAsync(creatorId, form.ToInput(CultureInfo.CurrentCulture), images, cancellationToken);
        switch (result.Outcome)
        {
            case ListingOutcome.Done:
                TempData["Message"] = text["“{0}” is on sale.", result.Listing!.Title].Value;
                return RedirectToAction(nameof(Index));
            case ListingOutcome.LimitReached:
                return LimitReached(result.Limit!);
            default:
                if (ListingLimitProblem.WantsJson(Request)) return ValidationProblem(text.Say(result.Error!));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Form", new ListingFormViewModel(form, null, text.SayOrNull(result.Error)));
        }
    }

    /// <summary>The form filled with the listing; 404 when it is not the creator's.</summary>
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var listing = await listings.FindAsync(creatorId, id, cancellationToken);
        return listing is null ? NotFound()
            : View("Form", new ListingFormViewModel(ListingFormModel.From(listing, CultureInfo.CurrentCulture), id, null, listing.Images));
    }

    /// <summary>Saves an edit: 303 to the list; the same form with the message (400) when invalid; 404 when not the creator's.</summary>
    [HttpPost("{id:int}")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(ListingImageUploads.MaxFormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ListingImageUploads.MaxFormBytes)]
    public async Task<IActionResult> Update(int id, [FromForm] ListingFormModel form, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var (images, imageError) = uploads.Read(form);
        if (images is null)
        {
            var current = await listings.FindAsync(creatorId, id, cancellationToken);
            if (current is null) return NotFound();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", new ListingFormViewModel(form, id, text.SayOrNull(imageError), current.Images));
        }

        var result = await listings.UpdateAsync(creatorId, id, form.ToInput(CultureInfo.CurrentCulture), images, cancellationToken);
        switch (result.Outcome)
        {
            case ListingOutcome.NotFound:
                return NotFound();
            case ListingOutcome.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                var stored = await listings.FindAsync(creatorId, id, cancellationToken);
                return View("Form", new ListingFormViewModel(form, id, text.SayOrNull(result.Error), stored?.Images));
            default:
                TempData["Message"] = text["“{0}” is saved.", result.Listing!.Title].Value;
                return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>
    /// The description as the listing page will show it: the sanitized HTML alone for the form's script
    /// (<c>X-Requested-With: fetch</c>), otherwise the form again with the preview under the description (files are not
    /// kept: a browser cannot refill a file input).
    /// </summary>
    [HttpPost("preview")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(ListingImageUploads.MaxFormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ListingImageUploads.MaxFormBytes)]
    public async Task<IActionResult> Preview([FromForm] ListingFormModel form, [FromQuery] int? id, CancellationToken cancellationToken)
    {
        var html = markdown.ToSafeHtml(form.Description);
        if (Request.Headers.XRequestedWith == "fetch") return Content(html, "text/html; charset=utf-8");
        IReadOnlyList<ListingImage>? images = null;
        if (id is { } listingId)
        {
            var listing = await listings.FindAsync(await CreatorIdAsync(cancellationToken), listingId, cancellationToken);
            if (listing is null) return NotFound();
            images = listing.Images;
        }

        return View("Form", new ListingFormViewModel(form, id, null, images, html));
    }

    /// <summary>Takes a listing off the storefront.</summary>
    [HttpPost("{id:int}/deactivate")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Deactivate(int id, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var result = await listings.DeactivateAsync(creatorId, id, cancellationToken);
        if (result.Outcome == ListingOutcome.NotFound) return NotFound();
        TempData["Message"] = text["“{0}” is deactivated.", result.Listing!.Title].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Puts a listing back, within the plan's limit (402 past it).</summary>
    [HttpPost("{id:int}/reactivate")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Reactivate(int id, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var result = await listings.ReactivateAsync(creatorId, id, cancellationToken);
        if (result.Outcome == ListingOutcome.NotFound) return NotFound();
        if (result.Outcome == ListingOutcome.LimitReached) return LimitReached(result.Limit!);
        TempData["Message"] = text["“{0}” is on sale again.", result.Listing!.Title].Value;
        return RedirectToAction(nameof(Index));
    }

    private IActionResult LimitReached(ListingLimit limit)
    {
        if (ListingLimitProblem.WantsJson(Request)) return ListingLimitProblem.Json(limit, text);
        Response.StatusCode = StatusCodes.Status402PaymentRequired;
        return View("LimitReached", limit);
    }

    private async Task<int> CreatorIdAsync(CancellationToken cancellationToken) => (await currentCreator.GetAsync(cancellationToken)).Id;
}
