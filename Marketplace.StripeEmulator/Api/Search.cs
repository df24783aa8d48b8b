using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Search endpoints' shared handling (https://docs.stripe.com/api/pagination/search): <c>query</c> (required),
/// <c>limit</c> 1–100 (default 10), <c>page</c> (the previous answer's <c>next_page</c>). Answers
/// <c>{"object":"search_result","data","has_more","next_page","url"}</c>. Unlike Stripe, results are immediately consistent.
/// </summary>
internal static class Search
{
    public static JsonObject Run(ApiContext ctx, string objectType, IReadOnlySet<string> fields, string url)
    {
        var p = ctx.Params;
        var query = SearchQuery.Parse(p.RequiredStr("query"), fields);
        var limit = Lists.ReadLimit(p);
        var page = p.Str("page");
        p.RejectUnknown();
        var offset = 0;
        if (!string.IsNullOrEmpty(page))
        {
            try { offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(page)), CultureInfo.InvariantCulture); }
            catch (FormatException) { throw StripeApiException.Invalid("page", "Invalid page token."); }
        }
        var matches = ctx.State.OfType(objectType, ctx.Account).Where(r => query.Matches(r.Json)).ToList();
        var slice = matches.Skip(offset).Take(limit).Select(r => (JsonNode)r.Snapshot()).ToArray();
        var hasMore = matches.Count > offset + limit;
        return new JsonObject
        {
            ["object"] = "search_result",
            ["data"] = new JsonArray(slice),
            ["has_more"] = hasMore,
            ["next_page"] = hasMore ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + limit).ToString(CultureInfo.InvariantCulture))) : null,
            ["url"] = url,
        };
    }
}
