using System.Diagnostics;
using System.Globalization;
using Marketplace.Core.Categories;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Listings;
using Marketplace.Core.Plans;
using Marketplace.Core.Search;
using Marketplace.Core.Seeding;
using Marketplace.Core.Subscriptions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

// The search benchmark: N listings (default 10,000) of 50 shops that can take payments, in a fresh database, then each
// query of a fixed set run R times through ListingFinder (the /search page's query: payable shops, the plan rule, the
// engine's match, count and one page). Prints p50/p95/max per query and over all, in milliseconds.
// Usage: dotnet run -c Release --project bench/Marketplace.SearchBench -- [--listings 10000] [--rounds 50] [--postgres CONNSTRING]
var listingCount = Arg("--listings", 10_000);
var rounds = Arg("--rounds", 50);
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var file = Path.Combine(Path.GetTempPath(), $"search-bench-{Guid.NewGuid():N}.db");

var showSql = args.Contains("--sql");
Func<MarketplaceDbContext> newDb = postgres is null
    ? () => new SqliteMarketplaceDbContext(Log(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqliteModel($"Data Source={file}")).Options)
    : () => new PostgresMarketplaceDbContext(Log(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UsePostgresModel(postgres)).Options);
IListingSearch engine = postgres is null ? new SqliteListingSearch() : new PostgresListingSearch();
Console.WriteLine($"engine: {(postgres is null ? "SQLite FTS5 (" + file + ")" : "PostgreSQL tsvector")}, listings: {listingCount}, rounds: {rounds}");

await using (var db = newDb())
{
    if (postgres is not null) await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
    if (postgres is null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    await new PlanSeeder(db).SeedAsync();
    await new CategoryCatalogue(db).SeedAsync();
    var sw = Stopwatch.StartNew();
    await SeedAsync(db, listingCount);
    Console.WriteLine($"seeded in {sw.Elapsed.TotalSeconds:F1} s");
}

string[] queries = ["poster", "château", "lighthouse sea", "phot", "music loop", "zzzznothing", "art print brest", ""];
var all = new List<double>();
foreach (var q in queries)
{
    foreach (var (name, request) in new[] { (q, new SearchRequest(q)), (q + " [music, ≤ 20 EUR]", new SearchRequest(q, "music", null, 2000)) })
    {
        var times = new List<double>();
        var total = 0;
        for (var i = 0; i < rounds + 3; i++)
        {
            await using var db = newDb();
            var finder = new ListingFinder(db, new ListingCatalogue(db, TimeProvider.System), engine);
            var sw = Stopwatch.StartNew();
            var page = await finder.FindAsync(request);
            sw.Stop();
            total = page.TotalCount;
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds); // the first rounds warm up EF Core's query cache
        }

        all.AddRange(times);
        Console.WriteLine($"{"\"" + name + "\"",-34} hits {total,6}  p50 {P(times, 50),7:F2} ms  p95 {P(times, 95),7:F2} ms  max {times.Max(),7:F2} ms");
    }
}

Console.WriteLine($"{"all queries",-34}              p50 {P(all, 50),7:F2} ms  p95 {P(all, 95),7:F2} ms  max {all.Max(),7:F2} ms");
if (postgres is null && !args.Contains("--keep")) File.Delete(file);
return;

DbContextOptionsBuilder<T> Log<T>(DbContextOptionsBuilder<T> builder) where T : DbContext =>
    showSql ? builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]) : builder;

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

// 50 shops on Platinium (no listing limit) whose Connect accounts pass the payment guard, and the listings spread over
// them: titles and descriptions drawn from a small vocabulary (French and English, accents), so that common words
// match thousands of listings and rare ones a few.
static async Task SeedAsync(MarketplaceDbContext db, int count)
{
    var now = DateTime.UtcNow;
    var free = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free);
    var platinium = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Platinium);
    var categories = await db.Categories.Select(c => c.Id).ToListAsync();
    var shops = new List<CreatorProfile>();
    for (var s = 0; s < 50; s++)
    {
        var user = new IdentityUser { UserName = $"bench{s}", Email = $"bench{s}@example.com" };
        db.Users.Add(user);
        var shop = new CreatorProfile(user.Id, $"Atelier {s} {Words.Shop[s % Words.Shop.Length]}", $"bench-shop-{s}", now);
        db.CreatorProfiles.Add(shop);
        db.CreatorSubscriptions.Add(CreatorSubscription.StartFree(shop, free, now));
        shops.Add(shop);
    }

    await db.SaveChangesAsync();
    foreach (var shop in shops) db.CreatorStripeAccounts.Add(new CreatorStripeAccount(shop.Id, $"acct_bench{shop.Id}"));
    await db.SaveChangesAsync();
    await db.CreatorStripeAccounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.ChargesEnabled, true).SetProperty(a => a.PayoutsEnabled, true)
        .SetProperty(a => a.DetailsSubmitted, true).SetProperty(a => a.TransfersCapability, "active"));
    await db.CreatorSubscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.PlanId, platinium.Id));

    var random = new Random(42);
    string Pick(string[] words, int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
    for (var i = 0; i < count; i++)
    {
        var listing = new Listing(shops[i % shops.Count].Id, $"{Pick(Words.Title, 3)} {i}", $"{Pick(Words.Body, 60)}.", 500 + random.Next(10_000), "eur", now.AddSeconds(-i));
        listing.Classify(categories[random.Next(categories.Count)], Pick(Words.Title, 2).Replace(' ', ','), now);
        db.Listings.Add(listing);
        if (i % 1000 == 999)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    await db.SaveChangesAsync();
}

/// <summary>The benchmark's vocabulary.</summary>
internal static class Words
{
    public static readonly string[] Shop = ["Lumière", "Studio", "Papeterie", "Sound", "Pixel"];

    public static readonly string[] Title = ["poster", "print", "photo", "lighthouse", "sea", "music", "loop", "template", "font", "course",
        "château", "forêt", "été", "brest", "art", "ebook", "game", "icons", "brushes", "preset"];

    public static readonly string[] Body = ["the", "a", "of", "and", "printed", "on", "heavy", "paper", "une", "vue", "du", "de", "la", "mer",
        "photographie", "numérique", "digital", "download", "high", "resolution", "hand", "made", "crafted", "colour", "black", "white",
        "summer", "winter", "ocean", "waves", "studio", "recording", "samples", "beats", "lesson", "chapter", "guide", "tutorial",
        "illustration", "drawing", "painting", "watercolour", "aquarelle", "crème", "brûlée", "café", "naïve", "œuvre", "Noël", "ça"];
}
