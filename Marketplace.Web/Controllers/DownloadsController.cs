using Marketplace.Core.Deliveries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// <c>GET /downloads/{token}</c>: a buyer's file, through a link from their order page that expires
/// (<see cref="DownloadLinks"/>). Served as an attachment with the stored type, <c>nosniff</c>, never cached, with
/// range requests (206), the local disk's file sent by the server itself (<c>PhysicalFileResult</c>); with the S3 store, a 302 to a presigned GET once the checks pass. Refused with a page saying to go back to the order page: a tampered or foreign token, a
/// revoked order (refunded, disputed) or the per-file download limit → 403; an expired link or a deleted file → 410;
/// the store down → 503.
/// </summary>
[AllowAnonymous]
public sealed class DownloadsController(OrderDownloads downloads) : Controller
{
    /// <summary>The file, or the page saying why not.</summary>
    [HttpGet("downloads/{token}")]
    public async Task<IActionResult> Get(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        // A request from the first byte is a download (counted, logged); a resumed range is the same download going on.
        var range = Request.Headers.Range.ToString();
        var counts = range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.OrdinalIgnoreCase);
        var start = await downloads.StartAsync(token, counts, cancellationToken);
        if (start.Outcome == DownloadOutcome.Ready)
        {
            Response.Headers.XContentTypeOptions = "nosniff";
            // S3: our checks passed and the download is counted; the bytes come from the store's presigned GET, which
            // answers with Content-Disposition: attachment and the stored type, and takes the range requests of a resume.
            if (start.RedirectUrl is { } direct) return Redirect(direct.AbsoluteUri);
            // The local disk: the server sends the file itself (IHttpResponseBodyFeature.SendFileAsync), ranges included.
            if (start.LocalPath is { } path) return PhysicalFile(path, start.File!.ContentType, start.File.OriginalName, enableRangeProcessing: true);
            return File(start.Stream!, start.File!.ContentType, start.File.OriginalName, enableRangeProcessing: true);
        }

        Response.StatusCode = start.Outcome is DownloadOutcome.Unavailable ? StatusCodes.Status503ServiceUnavailable
            : start.Outcome is DownloadOutcome.Expired or DownloadOutcome.Gone ? StatusCodes.Status410Gone : StatusCodes.Status403Forbidden;
        return View("Refused", start);
    }
}
