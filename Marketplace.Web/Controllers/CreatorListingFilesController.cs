using Marketplace.Core.Accounts;
using Marketplace.Core.Deliveries;
using Marketplace.Web.Creators;
using Marketplace.Web.Deliveries;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The files a listing's buyers get, <c>/creator/listings/{id}/files</c>: list (name, size, type, SHA-256), upload,
/// replace, delete, reset download counts. Uploads are streamed (<see cref="StreamedUpload"/>), up to
/// <c>Listings:MaxFileBytes</c> each and within the plan's storage (past it: HTTP 402, nothing kept). A bad upload
/// answers the same page with the message (400), a file whose first bytes are not what its extension says included
/// (<see cref="FileSignatures"/>). Another creator's listing or file answers 404.
/// </summary>
[Authorize(Policy = Roles.Creator)]
[Route("creator/listings/{id:int}/files")]
public sealed class CreatorListingFilesController(CurrentCreator currentCreator, ListingFiles files, IAntiforgery antiforgery,
    IOptions<DeliveryOptions> options, IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The listing's files and the plan's storage.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) => await PageAsync(id, null, StatusCodes.Status200OK, cancellationToken);

    /// <summary>Uploads a new file (multipart, the antiforgery token first or in its header): 303 to the page when stored.</summary>
    [HttpPost("")]
    [DisableFormValueModelBinding]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    public Task<IActionResult> Upload(int id, CancellationToken cancellationToken) => UploadAsync(id, null, cancellationToken);

    /// <summary>Replaces a file's bytes (same rules as an upload); buyers' pages then note the change.</summary>
    [HttpPost("{fileId:int}/replace")]
    [DisableFormValueModelBinding]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    public Task<IActionResult> Replace(int id, int fileId, CancellationToken cancellationToken) => UploadAsync(id, fileId, cancellationToken);

    /// <summary>Deletes a file; buyers no longer see it.</summary>
    [HttpPost("{fileId:int}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(int id, int fileId, CancellationToken cancellationToken)
    {
        var deleted = await files.DeleteAsync(await CreatorIdAsync(cancellationToken), id, fileId, cancellationToken);
        if (deleted is null) return NotFound();
        TempData["Message"] = text["“{0}” is deleted.", deleted.OriginalName].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    /// <summary>Lets every buyer download the file again up to <c>Listings:MaxDownloadsPerFile</c> times.</summary>
    [HttpPost("{fileId:int}/reset-downloads")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ResetDownloads(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await files.ResetDownloadsAsync(await CreatorIdAsync(cancellationToken), id, fileId, cancellationToken);
        if (file is null) return NotFound();
        TempData["Message"] = text["Buyers can download “{0}” again.", file.OriginalName].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    private async Task<IActionResult> UploadAsync(int id, int? fileId, CancellationToken cancellationToken)
    {
        var creatorId = await CreatorIdAsync(cancellationToken);
        var (section, problem) = await StreamedUpload.OpenFileAsync(HttpContext, antiforgery, options.Value.MaxFileBytes + 1024 * 1024);
        if (problem is UploadProblem.BadToken or UploadProblem.NotMultipart) return BadRequest(); // no valid token read: refused before anything else
        if (section is null) return await PageAsync(id, text["Choose a file to upload."], StatusCodes.Status400BadRequest, cancellationToken);

        var result = await files.UploadAsync(creatorId, id, fileId, section.FileName, section.Section.ContentType, section.FileStream!, cancellationToken);
        switch (result.Outcome)
        {
            case UploadOutcome.NotFound:
                return NotFound();
            case UploadOutcome.Empty:
                return await PageAsync(id, text["The file is empty: choose another one."], StatusCodes.Status400BadRequest, cancellationToken);
            case UploadOutcome.TooLarge:
                return await PageAsync(id, text["A file is at most {0}.", FileSizes.Format(options.Value.MaxFileBytes, text)], StatusCodes.Status400BadRequest, cancellationToken);
            case UploadOutcome.WrongType:
                var name = UploadNames.FileName(section.FileName);
                return await PageAsync(id, text["“{0}” is not a real {1} file: its contents say otherwise. Choose the right file, or rename it to what it is.",
                    name, Path.GetExtension(name).TrimStart('.').ToUpperInvariant()], StatusCodes.Status400BadRequest, cancellationToken);
            case UploadOutcome.StoreUnavailable:
                return await PageAsync(id, text["The file storage is not answering right now, so nothing was saved: try again in a few minutes."],
                    StatusCodes.Status503ServiceUnavailable, cancellationToken);
            case UploadOutcome.StorageFull:
                var storage = result.Storage!;
                return await PageAsync(id, text["Your {0} plan allows {1} of files and {2} are left — upgrade", storage.PlanName,
                    FileSizes.Format(storage.LimitBytes, text), FileSizes.Format(storage.Remaining, text)], StatusCodes.Status402PaymentRequired, cancellationToken);
            default:
                TempData["Message"] = (fileId is null ? text["“{0}” is uploaded.", result.File!.OriginalName] : text["“{0}” is replaced.", result.File!.OriginalName]).Value;
                return RedirectToAction(nameof(Index), new { id });
        }
    }

    private async Task<IActionResult> PageAsync(int id, string? error, int status, CancellationToken cancellationToken)
    {
        var view = await files.ForListingAsync(await CreatorIdAsync(cancellationToken), id, cancellationToken);
        if (view is null) return NotFound();
        Response.StatusCode = status;
        return View("Index", new ListingFilesPageViewModel(view, error));
    }

    private async Task<int> CreatorIdAsync(CancellationToken cancellationToken) => (await currentCreator.GetAsync(cancellationToken)).Id;
}
