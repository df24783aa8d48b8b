using Microsoft.Playwright;

namespace Marketplace.SystemTests.Infrastructure;

/// <summary>
/// One headless Chromium per test class, driven by Microsoft.Playwright: Debian's <c>/usr/bin/chromium</c>
/// (<c>./test.sh</c> installs it when missing; <c>playwright install</c> is never run), with its own background
/// networking off. Each test opens a <see cref="LoopbackOnlyContext"/> on it.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium, or <c>CHROMIUM_PATH</c> when set.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!System.IO.File.Exists(ExecutablePath))
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: run ./test.sh (it installs Debian's chromium) or apt-get install -y chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// A browser context whose network stops at this machine: every request to a host other than <c>127.0.0.1</c>,
/// <c>localhost</c> or <c>[::1]</c> is aborted and recorded in <see cref="OutsideRequests"/>.
/// </summary>
public sealed class LoopbackOnlyContext : IAsyncDisposable
{
    private readonly List<string> _outside = [];

    private LoopbackOnlyContext(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>URLs the browser tried to reach outside this machine (all aborted).</summary>
    public IReadOnlyList<string> OutsideRequests
    {
        get
        {
            lock (_outside) return [.. _outside];
        }
    }

    /// <summary>
    /// Opens a context and a page on <paramref name="browser"/> with the outside blocked; <paramref name="locale"/>
    /// (e.g. <c>fr-FR</c>) is the browser's language (its <c>Accept-Language</c> and <c>navigator.language</c>);
    /// <paramref name="viewport"/> the window (1280×900 by default); <paramref name="bypassCsp"/> lets scripts a test injects
    /// (the accessibility audit's axe-core) run despite the site's Content-Security-Policy.
    /// </summary>
    public static async Task<LoopbackOnlyContext> OpenAsync(IBrowser browser, string? locale = null, ViewportSize? viewport = null, bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 }, Locale = locale, BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new LoopbackOnlyContext(context, page);
        await context.RouteAsync("**/*", async route =>
        {
            if (IsLoopback(route.Request.Url))
            {
                await route.ContinueAsync();
                return;
            }

            lock (session._outside) session._outside.Add(route.Request.Url);
            await route.AbortAsync("blockedbyclient");
        });
        return session;
    }

    /// <summary>True for http(s) URLs on 127.0.0.1, localhost or [::1], and for data:/blob:/about: URLs (no network).</summary>
    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" or "about" || uri.IsLoopback);

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
