using Marketplace.Core.Listings;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>The public storefront of a creator, <c>/c/{slug}</c>: 404 for an unknown, banned or deactivated creator.</summary>
public sealed class StorefrontController(Storefront storefront) : Controller
{
    /// <summary>The creator's oldest active listings up to their plan's limit.</summary>
    [HttpGet("c/{slug}")]
    public async Task<IActionResult> Index(string slug, CancellationToken cancellationToken) =>
        await storefront.ForSlugAsync(slug, cancellationToken) is { } view ? View(view) : NotFound();
}
