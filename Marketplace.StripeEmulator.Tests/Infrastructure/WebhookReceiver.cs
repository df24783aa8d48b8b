using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.StripeEmulator.Tests.Infrastructure;

/// <summary>A tiny Kestrel app on a free loopback port that records webhook POSTs, as the web app's webhook controllers would receive them.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _failuresLeft;

    public sealed record Received(string Path, string Body, string Signature);

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answer 500 to the next <paramref name="count"/> requests (to test retries).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public IReadOnlyList<Received> All => _received.ToList();

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<WebhookReceiver> StartAsync()
    {
        // reloadConfigOnChange=false: no file watcher (an inotify instance) per receiver.
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0) return Results.StatusCode(500);
            receiver._received.Enqueue(new Received(http.Request.Path, body, http.Request.Headers["Stripe-Signature"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address + "/");
        return receiver;
    }

    /// <summary>Verified events received on <paramref name="path"/>, in arrival order.</summary>
    public List<Event> Events(string path, string secret) =>
        All.Where(r => r.Path == path).Select(r => EventUtility.ConstructEvent(r.Body, r.Signature, secret)).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds for the verified events on <paramref name="path"/>; returns them.</summary>
    public async Task<List<Event>> WaitForAsync(string path, string secret, Func<List<Event>, bool> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var events = Events(path, secret);
            if (condition(events)) return events;
            if (DateTime.UtcNow > deadline) return events;
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
