using System.Globalization;
using Marketplace.Core.Amounts;
using Marketplace.Core.Categories;
using Marketplace.Core.Search;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The marketplace search, <c>GET /search?q=&amp;category=&amp;min=&amp;max=&amp;currency=&amp;page=</c>: listings a
/// visitor can buy, ranked by the database's full-text search (<see cref="ListingFinder"/>), 24 a page. <c>min</c> and
/// <c>max</c> are prices in major units of <c>currency</c> (default EUR) as typed in the page's language; a price
/// range finds only listings in that currency. A price that cannot be read is said on the page and not applied; any
/// query (empty, quotes, operators, SQL, very long) is only words to search for.
/// </summary>
public sealed class SearchController(ListingFinder finder, CategoryCatalogue categories, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("search")]
    public async Task<IActionResult> Index(string? q, string? category, string? min, string? max, string? currency, int page = 1, CancellationToken cancellationToken = default)
    {
        var code = string.IsNullOrWhiteSpace(currency) || !StripeCurrencies.IsSupported(currency.Trim()) ? "eur" : currency.Trim().ToLowerInvariant();
        var errors = new List<string>();
        var minMinor = Price(min, code, errors);
        var maxMinor = Price(max, code, errors);
        var query = q is { Length: > SearchTerms.MaxQueryLength } ? q[..SearchTerms.MaxQueryLength] : q;
        var results = await finder.FindAsync(new SearchRequest(query, category, minMinor, maxMinor, code, page), cancellationToken);
        var all = await categories.AllAsync(cancellationToken);
        return View(new SearchPageViewModel(query, category, min, max, code, all, results, errors));
    }

    private long? Price(string? typed, string currency, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var (minor, error) = AmountParser.Parse(typed, currency, CultureInfo.CurrentCulture);
        if (minor is null) errors.Add(text["Price “{0}”: {1}", typed, text.Say(error!)].Value);
        return minor;
    }
}
