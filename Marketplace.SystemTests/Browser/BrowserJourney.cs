using System.Runtime.CompilerServices;
using Marketplace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// One creator in a real Chromium against the live app: the steps of the journey as a person does them (fill, click,
/// read the page), each kept as a full-page PNG under <c>{test output}/screenshots/{test name}/</c>. Waits on page
/// state only (Playwright's auto-waiting locators and <c>Expect</c>), never on fixed sleeps.
/// </summary>
public sealed class BrowserJourney : IAsyncDisposable
{
    public const string GoodCard = "4242 4242 4242 4242";
    public const string DeclinedCard = "4000 0000 0000 0002";

    private readonly LiveMarketplaceFactory _app;
    private readonly LoopbackOnlyContext _browser;
    private readonly string _screenshots;
    private int _step;

    private BrowserJourney(LiveMarketplaceFactory app, LoopbackOnlyContext browser, string testName)
    {
        _app = app;
        _browser = browser;
        _screenshots = ScreenshotFolder(testName);
        if (Directory.Exists(_screenshots)) Directory.Delete(_screenshots, recursive: true);
        Directory.CreateDirectory(_screenshots);
        Email = $"browser-{Guid.NewGuid():N}@example.com";
    }

    /// <summary>Where a test's screenshots go: <c>{test output}/screenshots/{testName}</c>.</summary>
    public static string ScreenshotFolder(string testName) => Path.Combine(AppContext.BaseDirectory, "screenshots", testName);

    public IPage Page => _browser.Page;

    public string Email { get; }

    /// <summary>Requests the browser tried to send outside this machine (aborted).</summary>
    public IReadOnlyList<string> OutsideRequests => _browser.OutsideRequests;

    /// <summary>Opens a loopback-only browser context for the calling test.</summary>
    public static async Task<BrowserJourney> StartAsync(LiveMarketplaceFactory app, ChromiumFixture chromium, [CallerMemberName] string testName = "") =>
        new(app, await LoopbackOnlyContext.OpenAsync(chromium.Browser), testName);

    /// <summary>Opens a loopback-only browser context whose language is <paramref name="locale"/> (e.g. <c>fr-FR</c>) for the calling test.</summary>
    public static async Task<BrowserJourney> StartInLocaleAsync(LiveMarketplaceFactory app, ChromiumFixture chromium, string locale,
        [CallerMemberName] string testName = "") =>
        new(app, await LoopbackOnlyContext.OpenAsync(chromium.Browser, locale), testName);

    /// <summary>Drives <paramref name="browser"/> (a context the test opened with its own options) for the calling test.</summary>
    public static BrowserJourney StartOn(LiveMarketplaceFactory app, LoopbackOnlyContext browser, [CallerMemberName] string testName = "") =>
        new(app, browser, testName);

    /// <summary>Keeps the page as <c>{nn}-{name}.png</c>, full page.</summary>
    public async Task ScreenshotAsync(string name)
    {
        _step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"{_step:00}-{name}.png"), FullPage = true });
    }

    /// <summary>Registers on the Identity UI's Register page; the app then shows the plans.</summary>
    public async Task RegisterAsync(string displayName = "Browser creator")
    {
        await Page.GotoAsync(new Uri(_app.AppUrl, "/Identity/Account/Register").ToString());
        await Page.Locator("#Input_DisplayName").FillAsync(displayName);
        await Page.Locator("#Input_Email").FillAsync(Email);
        await Page.Locator("#Input_Password").FillAsync("Creator#12345");
        await Page.Locator("#Input_ConfirmPassword").FillAsync("Creator#12345");
        await ScreenshotAsync("register");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create my creator account" }).ClickAsync();
        await ConfirmAndSignInAsync();
        await Expect(Page.GetByTestId("current-plan")).ToHaveTextAsync("Free");
        await ScreenshotAsync("registered-on-free");
    }

    /// <summary>
    /// Connect onboarding: "Set up payments" on the status page, then on the emulator's hosted onboarding page
    /// "Complete" or "Leave incomplete", back to the status page; returns the status it shows.
    /// </summary>
    public async Task<string> OnboardAsync(bool complete)
    {
        await Page.GotoAsync(new Uri(_app.AppUrl, "/creator/connect").ToString());
        await Expect(Page.GetByTestId("onboarding-status")).ToHaveTextAsync("Not started");
        await ScreenshotAsync("connect-not-started");
        await Page.GetByTestId("onboard").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connect/onboarding/"));
        Page.Url.Should().StartWith(_app.Emulator.BaseUrl.ToString().TrimEnd('/'), "onboarding happens on Stripe's (the emulator's) page");
        await ScreenshotAsync("stripe-onboarding");
        await Page.GetByRole(AriaRole.Button, new() { Name = complete ? "Complete" : "Leave incomplete", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/creator/connect/return$"));
        var status = Page.GetByTestId("onboarding-status");
        await Expect(status).ToHaveTextAsync(complete ? "Complete" : "Needs attention");
        await ScreenshotAsync(complete ? "connect-complete" : "connect-incomplete");
        return await status.InnerTextAsync();
    }

    /// <summary>Opens the upgrade page and clicks Silver's Monthly button.</summary>
    public async Task ChooseSilverMonthlyAsync()
    {
        await Page.GotoAsync(new Uri(_app.AppUrl, "/creator/subscription/upgrade").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choose your plan" })).ToBeVisibleAsync();
        await ScreenshotAsync("upgrade-page");
        await Page.GetByTestId("select-SILVER-month").ClickAsync();
    }

    /// <summary>On the emulator's Checkout page: types <paramref name="card"/> and clicks Subscribe.</summary>
    public async Task PayOnCheckoutAsync(string card, string screenshot)
    {
        await ExpectOnCheckoutAsync();
        await Page.GetByLabel("Card number").FillAsync(card);
        await ScreenshotAsync(screenshot);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Creates a listing through the creator's listing form (empty optional fields are left blank) and waits for the
    /// listings page; <paramref name="screenshot"/>, when given, shows the filled form.
    /// </summary>
    public async Task CreateListingAsync(string title, string price, string currency, string? description = null, string? deliveryNote = null,
        string? screenshot = null)
    {
        await GotoAsync("/creator/listings/new");
        await Page.Locator("#Title").FillAsync(title);
        if (description is not null) await Page.Locator("#Description").FillAsync(description);
        await Page.Locator("#Price").FillAsync(price);
        await Page.Locator("#Currency").SelectOptionAsync(currency);
        if (deliveryNote is not null) await Page.Locator("#DeliveryNote").FillAsync(deliveryNote);
        if (screenshot is not null) await ScreenshotAsync(screenshot);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/creator/listings$"));
    }

    /// <summary>
    /// As a visitor: clicks Buy on listing <paramref name="title"/> of shop <paramref name="slug"/>, pays on the emulator's
    /// Checkout with <paramref name="email"/> and <paramref name="card"/>, and waits for the order page.
    /// </summary>
    public async Task BuyAsync(string slug, string title, string email, string card)
    {
        await GotoAsync($"/c/{slug}");
        await Page.Locator(".card", new() { HasText = title }).GetByTestId("buy").ClickAsync();
        await ExpectOnCheckoutAsync();
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Card number").FillAsync(card);
        await ScreenshotAsync("checkout-" + card.Replace(" ", "", StringComparison.Ordinal)[^4..]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/[A-Za-z0-9_-]{22}$"));
    }

    /// <summary>The browser is on the emulator's hosted Checkout page.</summary>
    public async Task ExpectOnCheckoutAsync()
    {
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/pay/cs_"));
        Page.Url.Should().StartWith(_app.Emulator.BaseUrl.ToString().TrimEnd('/'), "payment happens on Stripe's (the emulator's) Checkout");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Checkout" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The subscription page shows <paramref name="plan"/> and <paramref name="status"/>. The page is reloaded until it
    /// does (the webhook that applies a subscription is processed in the background); each look waits on the page.
    /// </summary>
    public async Task ExpectSubscriptionAsync(string plan, string status, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var path = new Uri(_app.AppUrl, "/creator/subscription").ToString();
        if (!Page.Url.StartsWith(path, StringComparison.Ordinal) || Page.Url.Contains("/upgrade", StringComparison.Ordinal)) await Page.GotoAsync(path);
        while (true)
        {
            try
            {
                await Expect(Page.GetByTestId("plan")).ToContainTextAsync(plan, new() { Timeout = 2_000 });
                await Expect(Page.GetByTestId("status")).ToHaveTextAsync(status, new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                await Page.ReloadAsync();
            }
        }
    }

    /// <summary>Opens a path of the app (<c>/creator/listings</c>) and waits for the page to load.</summary>
    public async Task GotoAsync(string path) => await Page.GotoAsync(new Uri(_app.AppUrl, path).ToString());

    /// <summary>
    /// After a sign-up ("check your email"): opens the confirmation link the email carries (its token made with the app's
    /// own <c>UserManager</c>), follows "Sign in" and signs in with the journey's password; ends on the plans.
    /// </summary>
    public async Task ConfirmAndSignInAsync()
    {
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/RegisterConfirmation"));
        using (var links = _app.NewBrowser()) await GotoAsync(await links.ConfirmationLinkAsync(Email));
        await Page.GetByTestId("sign-in").ClickAsync();
        await Page.Locator("#Input_Email").FillAsync(Email);
        await Page.Locator("#Input_Password").FillAsync("Creator#12345");
        await Page.Locator("#login-submit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/creator/subscription/upgrade$"));
    }

    /// <summary>Signs in on the Identity UI's login page and waits to leave it.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/Identity/Account/Login");
        await Page.Locator("#Input_Email").FillAsync(email);
        await Page.Locator("#Input_Password").FillAsync(password);
        await Page.Locator("#login-submit").ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));
    }

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();
}
