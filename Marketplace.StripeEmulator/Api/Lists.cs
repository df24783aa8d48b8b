using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Stripe's cursor pagination (https://docs.stripe.com/api/pagination): <c>limit</c> 1–100 (default 10),
/// <c>starting_after</c> / <c>ending_before</c> object ids; answers <c>{"object":"list","data","has_more","url"}</c>.
/// </summary>
internal static class Lists
{
    public static JsonObject Page(ApiContext ctx, IEnumerable<Resource> newestFirst, string url) =>
        Page(ctx, newestFirst.Select(r => (r.Id, (JsonNode)r.Snapshot())), url);

    public static JsonObject Page(ApiContext ctx, IEnumerable<(string Id, JsonNode Json)> newestFirst, string url)
    {
        var limit = ReadLimit(ctx.Params);
        var startingAfter = ctx.Params.Str("starting_after");
        var endingBefore = ctx.Params.Str("ending_before");
        var created = ReadCreatedFilter(ctx.Params);
        var all = newestFirst.Where(x => created(x.Json["created"]?.AsLong())).ToList();
        IEnumerable<(string Id, JsonNode Json)> window = all;
        if (!string.IsNullOrEmpty(startingAfter))
        {
            var index = all.FindIndex(x => x.Id == startingAfter);
            if (index < 0) throw StripeApiException.NotFound("object", startingAfter, "starting_after");
            window = all.Skip(index + 1);
        }
        else if (!string.IsNullOrEmpty(endingBefore))
        {
            var index = all.FindIndex(x => x.Id == endingBefore);
            if (index < 0) throw StripeApiException.NotFound("object", endingBefore, "ending_before");
            var before = all.Take(index).ToList();
            window = before.Skip(Math.Max(0, before.Count - limit));
            var page = window.Take(limit).ToList();
            return Build(url, page, before.Count > limit);
        }
        var items = window.Take(limit + 1).ToList();
        return Build(url, items.Take(limit).ToList(), items.Count > limit);
    }

    /// <summary><c>created=unix</c> or <c>created[gt|gte|lt|lte]=unix</c> (Unix seconds), as Stripe's list endpoints take.</summary>
    private static Func<long?, bool> ReadCreatedFilter(StripeParams p)
    {
        if (!p.Has("created")) return _ => true;
        if (p.Node.Child("created")!.IsLeaf)
        {
            var exact = p.Long("created");
            return c => exact is null || c == exact;
        }
        var range = p.Obj("created")!;
        var gt = range.Long("gt");
        var gte = range.Long("gte");
        var lt = range.Long("lt");
        var lte = range.Long("lte");
        return c => c is long v && (gt is null || v > gt) && (gte is null || v >= gte) && (lt is null || v < lt) && (lte is null || v <= lte);
    }

    public static int ReadLimit(StripeParams p)
    {
        var limit = p.Long("limit") ?? 10;
        if (limit is < 1 or > 100) throw StripeApiException.Invalid("limit", "Invalid limit: must be between 1 and 100");
        return (int)limit;
    }

    private static JsonObject Build(string url, List<(string Id, JsonNode Json)> page, bool hasMore)
    {
        var list = Json.List(url, page.Select(x => x.Json), hasMore);
        list.Remove("total_count");
        return list;
    }
}
