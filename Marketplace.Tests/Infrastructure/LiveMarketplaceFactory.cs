using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Marketplace.StripeEmulator;
using Marketplace.Web.StripeEmulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// The whole app as a user meets it: Kestrel on a loopback port, the in-process Stripe emulator delivering signed
/// webhooks to the app's own endpoints over HTTP, and a real Hangfire server processing them.
/// </summary>
public class LiveMarketplaceFactory : MarketplaceFactory
{
    public LiveMarketplaceFactory() : this(emulatorDeliversWebhooks: true)
    {
    }

    /// <summary>
    /// With <paramref name="emulatorDeliversWebhooks"/> false the webhook secrets are configured
    /// (<see cref="StripeEventSamples"/>), so the app registers no endpoint with the emulator: the test delivers events itself.
    /// <paramref name="environment"/> is the host's environment (Production needs <c>Stripe:Mode=Emulator</c> in the settings).
    /// </summary>
    protected LiveMarketplaceFactory(bool emulatorDeliversWebhooks, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        Environment = environment;
        Settings = new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "true",
            ["Hangfire:WorkerCount"] = "4",
            ["Hangfire:QueuePollIntervalMs"] = "100",
            ["Stripe:MaxNetworkRetries"] = "2",
        };
        if (!emulatorDeliversWebhooks)
        {
            Settings["Stripe:BillingWebhookSecret"] = StripeEventSamples.BillingSecret;
            Settings["Stripe:ConnectWebhookSecret"] = StripeEventSamples.ConnectSecret;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) Settings[key] = value;

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:45123</c>.</summary>
    public Uri AppUrl => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A browser-like session (cookies, no automatic redirects) against the app's real port.</summary>
    public BrowserSession NewBrowser() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = AppUrl }, Services);

    /// <summary>The emulator the app talks to.</summary>
    public StripeEmulatorServer Emulator => Services.GetRequiredService<InProcessStripeEmulator>().Server;

    /// <summary>The API key the app uses with the emulator (its state lives under this key).</summary>
    public string ApiKey => StripeOptions.EmulatorSecretKey;

    /// <summary>The app's own Stripe.net client.</summary>
    public StripeClient Stripe => Services.GetRequiredService<StripeClient>();

    /// <summary>
    /// Creates the Stripe Product and Price of a plan price on the emulator and records the Price id, as the price
    /// sync will; returns the Stripe Price id.
    /// </summary>
    public async Task<string> SyncPriceAsync(string planCode, PlanInterval interval)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var price = await db.PlanPrices.Include(p => p.Plan).SingleAsync(p => p.Plan!.Code == planCode && p.Interval == interval && p.IsActive);
        if (price.StripePriceId is not null) return price.StripePriceId;
        var product = await Stripe.V1.Products.CreateAsync(new ProductCreateOptions { Name = price.Plan!.Name });
        var stripePrice = await Stripe.V1.Prices.CreateAsync(new PriceCreateOptions
        {
            Product = product.Id,
            Currency = price.Currency,
            UnitAmount = price.AmountMinor,
            Recurring = new PriceRecurringOptions { Interval = interval == PlanInterval.Month ? "month" : "year" },
            LookupKey = price.LookupKey,
            Metadata = new Dictionary<string, string> { ["plan_price_id"] = price.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        price.MarkSynced(stripePrice.Id, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return stripePrice.Id;
    }

    /// <summary>The inbox and the emulator's delivery log, for a test that timed out.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var rows = await WithDbAsync(db => db.StripeWebhookEvents.OrderByDescending(e => e.Id).Take(15)
            .Select(e => $"{e.Id} {e.Type} {e.Status} attempts={e.Attempts} error={e.LastError}").ToListAsync());
        var deliveries = Emulator.GetDeliveries(ApiKey).TakeLast(15).Select(d => $"{d.EventType} {d.Url} attempt={d.Attempt} {d.Outcome} {d.StatusCode} {d.Error}");
        var log = System.IO.File.Exists(LogFile) ? System.IO.File.ReadLines(LogFile).Where(l => !l.Contains(" Information Microsoft.AspNetCore", StringComparison.Ordinal)).TakeLast(40) : [];
        return "Inbox (newest first):\n  " + string.Join("\n  ", rows) + "\nEmulator deliveries (latest):\n  " + string.Join("\n  ", deliveries)
            + "\nApp log (last lines):\n  " + string.Join("\n  ", log);
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds, or fails after <paramref name="seconds"/>.</summary>
    public async Task<T> EventuallyAsync<T>(Func<MarketplaceDbContext, Task<T>> read, Func<T, bool> done, int seconds = 30, string? because = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await WithDbAsync(read);
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in {seconds} s: {because}. Last value: {value}\n{await DiagnosticsAsync()}");
            await Task.Delay(100);
        }
    }
}

/// <summary>The live app whose webhooks the test delivers itself (in any order, any number of times).</summary>
public class SelfDeliveredWebhooksFactory() : LiveMarketplaceFactory(emulatorDeliversWebhooks: false);

/// <summary>The live app with Stripe.net's own retries off, so each job attempt makes one Stripe call.</summary>
public sealed class NoClientRetriesFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?> { ["Stripe:MaxNetworkRetries"] = "0" });
