using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Marketplace.Bench;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(string Target, int Requests, int Concurrency, TimeSpan Elapsed, int Errors, string? FirstError,
    double P50Ms, double P99Ms, double MaxMs, DateTime StartedUtc, DateTime EndedUtc)
{
    /// <summary>Acknowledged (2xx) requests per second.</summary>
    public double PerSecond => (Requests - Errors) / Elapsed.TotalSeconds;
}

/// <summary>
/// C concurrent senders over one <see cref="HttpClient"/> (SocketsHttpHandler, MaxConnectionsPerServer = C), each
/// posting the next event as soon as its previous one is answered; latency is from send to the full answer.
/// </summary>
public sealed class LoadGenerator(int concurrency) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Posts every event of <paramref name="events"/> to <paramref name="url"/>; a non-2xx or an exception is an error.</summary>
    public Task<LoadResult> RunAsync(string target, Uri url, IReadOnlyList<SignedEvent> events) => RunAsync(target, [url], events);

    /// <summary>
    /// Posts event i of <paramref name="events"/> to <c>urls[i % urls.Count]</c> (several web processes behind a
    /// round-robin balancer); a non-2xx or an exception is an error.
    /// </summary>
    public async Task<LoadResult> RunAsync(string target, IReadOnlyList<Uri> urls, IReadOnlyList<SignedEvent> events)
    {
        var latencies = new double[events.Count];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events.Count)
            {
                var e = events[i];
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, urls[i % urls.Count]) { Content = new ByteArrayContent(e.Body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    request.Headers.TryAddWithoutValidation("Stripe-Signature", e.Signature);
                    using var response = await _http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Fail($"{(int)response.StatusCode} {response.StatusCode} for {e.Id}");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Fail($"{ex.GetType().Name}: {ex.Message}");
                }

                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        }))).ConfigureAwait(false);
        clock.Stop();
        Array.Sort(latencies);
        return new LoadResult(target, events.Count, concurrency, clock.Elapsed, errors, firstError,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1], started, DateTime.UtcNow);

        void Fail(string message)
        {
            Interlocked.Increment(ref errors);
            Interlocked.CompareExchange(ref firstError, message, null);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public void Dispose() => _http.Dispose();
}
