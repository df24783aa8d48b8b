using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Bench.Storm;

/// <summary>What the people met while the storm drained: Buy clicks and page views, their answers and the Buy latencies.</summary>
public sealed record TrafficResult(int Buys, int BuysOk, int Views, int ViewsOk, int TooManyOr5xx, IReadOnlyList<double> BuyMilliseconds, IReadOnlyList<string> Problems)
{
    /// <summary>The 99th percentile of the Buy latencies (nearest rank), in milliseconds; 0 without any.</summary>
    public double BuyP99 => Percentile(0.99);

    /// <summary>The median Buy latency, in milliseconds.</summary>
    public double BuyP50 => Percentile(0.50);

    private double Percentile(double p)
    {
        if (BuyMilliseconds.Count == 0) return 0;
        var sorted = BuyMilliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// The steady trickle of people during the storm: anonymous buyers who open the listing page and click Buy (each its
/// own cookie jar; a success is the 303 to Stripe Checkout, the emulator's <c>/c/pay/{id}</c>), and the template creator viewing their subscription page
/// (signed in). Each request starts on its own schedule, whatever the previous one is doing, as people do.
/// </summary>
public static partial class StormTraffic
{
    /// <summary>The first listing of <paramref name="shopPath"/>'s storefront, as its listing page path (<c>/c/{slug}/{id}</c>).</summary>
    /// <exception cref="InvalidOperationException">The storefront shows no Buy form.</exception>
    public static async Task<string> FirstListingAsync(Uri app, string shopPath)
    {
        using var http = new HttpClient { BaseAddress = app };
        var html = await http.GetStringAsync(shopPath);
        var match = BuyAction().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no Buy form on {shopPath}");
    }

    /// <summary>
    /// Runs until <paramref name="stop"/>: one Buy every <paramref name="buyEvery"/> on <paramref name="listingPath"/>, one
    /// view of <c>/creator/subscription</c> with <paramref name="creatorCookies"/> every <paramref name="viewEvery"/>.
    /// </summary>
    public static async Task<TrafficResult> RunAsync(Uri app, string listingPath, CookieContainer creatorCookies, TimeSpan buyEvery, TimeSpan viewEvery,
        CancellationToken stop)
    {
        var buyLatencies = new List<double>();
        var problems = new List<string>();
        int buys = 0, buysOk = 0, views = 0, viewsOk = 0, refused = 0;
        using var creator = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = creatorCookies })
        {
            BaseAddress = app,
            Timeout = TimeSpan.FromSeconds(60),
        };

        void Note(HttpStatusCode status, string what)
        {
            if (status == HttpStatusCode.TooManyRequests || (int)status >= 500) Interlocked.Increment(ref refused);
            lock (problems)
                if (problems.Count < 10) problems.Add($"{what}: {(int)status}");
        }

        async Task BuyAsync()
        {
            Interlocked.Increment(ref buys);
            try
            {
                using var buyer = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
                {
                    BaseAddress = app,
                    Timeout = TimeSpan.FromSeconds(60),
                };
                var token = CreatorSetup.Token(await CreatorSetup.ReadAsync(buyer, listingPath));
                var clock = Stopwatch.StartNew();
                using var response = await buyer.PostAsync(listingPath + "/buy", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                var elapsed = clock.Elapsed.TotalMilliseconds;
                lock (buyLatencies) buyLatencies.Add(elapsed);
                if (response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location?.AbsolutePath.StartsWith("/c/pay/", StringComparison.Ordinal) == true)
                    Interlocked.Increment(ref buysOk);
                else Note(response.StatusCode, $"Buy {response.Headers.Location}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                lock (problems)
                    if (problems.Count < 10) problems.Add("Buy: " + ex.Message);
            }
        }

        async Task ViewAsync()
        {
            Interlocked.Increment(ref views);
            try
            {
                using var response = await creator.GetAsync("/creator/subscription");
                if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref viewsOk);
                else Note(response.StatusCode, "GET /creator/subscription");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lock (problems)
                    if (problems.Count < 10) problems.Add("view: " + ex.Message);
            }
        }

        var running = new List<Task>();
        async Task EveryAsync(TimeSpan interval, Func<Task> action)
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                do
                {
                    lock (running) running.Add(action());
                }
                while (await timer.WaitForNextTickAsync(stop));
            }
            catch (OperationCanceledException)
            {
            }
        }

        await Task.WhenAll(EveryAsync(buyEvery, BuyAsync), EveryAsync(viewEvery, ViewAsync));
        Task[] pending;
        lock (running) pending = [.. running];
        await Task.WhenAll(pending);
        return new TrafficResult(buys, buysOk, views, viewsOk, refused, buyLatencies, problems);
    }

    [GeneratedRegex("action=\"(/c/[^/\"]+/\\d+)/buy\"")]
    private static partial Regex BuyAction();
}
