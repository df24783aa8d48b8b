using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench;

/// <summary>
/// The machine's own limit: a bare Kestrel endpoint at the webhook's path that reads the body and answers "ok",
/// nothing else (no logging, no middleware). Runs as a child process of the benchmark, like the app.
/// </summary>
public static class BareKestrel
{
    /// <summary>Serves until the process is killed.</summary>
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/api/webhooks/stripe/billing", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
        app.MapGet("/health/live", () => "ok");
        await app.RunAsync();
    }
}
