using Marketplace.Core.Images;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// Serves listing picture renditions, <c>GET /images/{ab}/{sha256}.jpg</c>, from the <see cref="IImageStore"/>: JPEG,
/// cached a year by browsers and proxies (<c>immutable</c>: a key is the hash of its bytes, so it never changes), with
/// <c>X-Content-Type-Options: nosniff</c> as every answer (<c>SecurityHeaders</c>). A malformed or unknown key is a 404.
/// Anyone may read a rendition: they are the public pictures of listings.
/// </summary>
[AllowAnonymous]
public sealed class ListingImagesController(IImageStore store) : Controller
{
    /// <summary>One rendition, or 404.</summary>
    [HttpGet("images/{prefix}/{name}")]
    public async Task<IActionResult> Get(string prefix, string name, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync($"{prefix}/{name}", cancellationToken);
        if (stream is null) return NotFound();
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return File(stream, "image/jpeg");
    }
}
