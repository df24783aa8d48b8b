using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Bench.Storm;

/// <summary>
/// The benchmark's own calls to the standalone emulator: the <c>/v1</c> API (form-encoded, as Stripe), sent again
/// after a pause when the emulator's rate limits answer 429, and the control API (<c>/_emulator/…</c>, not limited).
/// </summary>
public sealed class EmulatorApi(Uri baseUrl, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 32 })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(120),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
    };

    /// <summary>429s the benchmark's own set-up met (it waits and sends again).</summary>
    public int RateLimited => _rateLimited;

    private int _rateLimited;

    /// <summary><c>GET</c> of a <c>/v1</c> path; the JSON answer.</summary>
    /// <exception cref="HttpRequestException">Any answer other than 200 (after the 429s).</exception>
    public Task<JsonElement> GetAsync(string path) => SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary><c>POST</c> of form <paramref name="fields"/> to a <c>/v1</c> path; the JSON answer.</summary>
    /// <exception cref="HttpRequestException">Any answer other than 200 (after the 429s).</exception>
    public Task<JsonElement> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>A hosted page's form <c>POST</c> (e.g. Checkout's Pay): the <c>Location</c> it redirects to.</summary>
    /// <exception cref="HttpRequestException">No redirect.</exception>
    public async Task<Uri> SubmitPageAsync(Uri page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await _http.PostAsync(page, new FormUrlEncodedContent(fields));
        if (response.StatusCode is not (HttpStatusCode.SeeOther or HttpStatusCode.Redirect or HttpStatusCode.Found))
            throw new HttpRequestException($"POST {page}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!;
    }

    /// <summary>A control API call (<c>/_emulator/…</c>): <c>GET</c>, or <c>POST</c> of <paramref name="json"/> when given.</summary>
    /// <exception cref="HttpRequestException">Any answer other than 200.</exception>
    public async Task<JsonElement> ControlAsync(string path, object? json = null)
    {
        using var response = json is null ? await _http.GetAsync(path) : await _http.PostAsJsonAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> SendAsync(Func<HttpRequestMessage> request)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            using var response = await _http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 60)
            {
                Interlocked.Increment(ref _rateLimited);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt, 10) + Random.Shared.Next(100)));
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
                throw new HttpRequestException($"{message.Method} {message.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    public void Dispose() => _http.Dispose();
}
