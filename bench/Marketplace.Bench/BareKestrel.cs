using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench;

/// <summary>
/// The machine's own limit: a bare Kestrel endpoint at the webhook's path that reads the body and answers "ok",
/// nothing else (no logging, no middleware). Runs as a child process of the benchmark, like the app. For the file
/// benchmark's curl baseline: <c>POST /bench/upload</c> streams the body to the file <c>BENCH_UPLOAD_TO</c> names and
/// <c>GET /bench/file</c> sends the file <c>BENCH_FILE</c> names (sendfile), when those variables are set.
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
        if (Environment.GetEnvironmentVariable("BENCH_UPLOAD_TO") is { Length: > 0 } uploadTo)
        {
            app.MapPost("/bench/upload", async context =>
            {
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
                await using (var file = File.Create(uploadTo)) await context.Request.Body.CopyToAsync(file, context.RequestAborted);
                await context.Response.WriteAsync("ok", context.RequestAborted);
            });
        }

        if (Environment.GetEnvironmentVariable("BENCH_FILE") is { Length: > 0 } served)
            app.MapGet("/bench/file", async context =>
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.SendFileAsync(served, context.RequestAborted);
            });
        await app.RunAsync();
    }
}
