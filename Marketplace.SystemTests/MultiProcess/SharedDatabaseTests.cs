using System.Diagnostics;
using System.Net;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Marketplace.SystemTests.MultiProcess;

/// <summary>
/// Two web replicas (no Hangfire server) and one worker, started at the same time on one empty PostgreSQL database,
/// with the emulator standalone: issue 17's scenarios 1 to 4, each on creators of its own.
/// </summary>
public sealed class SharedDatabaseFixture : IAsyncLifetime
{
    public ProcessCluster Cluster { get; private set; } = null!;
    public AppProcess Web1 { get; private set; } = null!;
    public AppProcess Web2 { get; private set; } = null!;
    public AppProcess Worker { get; private set; } = null!;

    /// <summary>How long the three took to become ready, started together.</summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>What the three logged at Error or Critical up to the end of their start-up (the later tests log their own).</summary>
    public IReadOnlyList<string> StartUpErrors { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Cluster = await ProcessCluster.CreateAsync("shared");
        var watch = Stopwatch.StartNew();
        var (webs, workers) = await Cluster.StartAsync(webs: 2, workers: 1);
        StartUp = watch.Elapsed;
        (Web1, Web2, Worker) = (webs[0], webs[1], workers[0]);
        StartUpErrors = Cluster.ErrorLines();
        // The worker syncs the plans to Stripe Products and Prices at start-up (a job): Checkout and plan changes need them.
        var unsynced = await Cluster.PollAsync(db => db.PlanPrices.CountAsync(p => p.IsActive && p.StripePriceId == null), n => n == 0, TimeSpan.FromSeconds(120));
        if (unsynced != 0) throw new InvalidOperationException($"{unsynced} plan prices not synced to Stripe by the worker.\n{Cluster.Logs()}");
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class SharedDatabaseTests(SharedDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<SharedDatabaseFixture>
{
    private const int EventCount = 500;
    private ProcessCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Start_TwoWebsAndAWorkerAtOnceOnAnEmptyDatabase_MigrationsAppliedOnceAndAllHealthy()
    {
        var migrations = await Cluster.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var applied = await Cluster.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());

        output.WriteLine($"3 processes ready in {fixture.StartUp.TotalSeconds:F1} s; {migrations.Count} migrations");
        migrations.Should().NotBeEmpty();
        applied.Should().Equal(migrations, "every migration applied, each once");
        (await Cluster.ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"")).Should().Be(migrations.Count);
        fixture.StartUpErrors.Should().BeEmpty();
        Cluster.ProcessesThatLogged($"Applying {migrations.Count} migration(s)").Should().Be(1, "one process migrated; the others waited for it and found nothing pending");
        foreach (var process in new[] { fixture.Web1, fixture.Web2, fixture.Worker })
        {
            using var http = new HttpClient { BaseAddress = process.Url };
            (await http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK, process.LogFile);
        }
    }

    [Fact]
    public async Task BillingEvents500_EachDeliveredToBothWebsAtOnce_EachStoredOnceAndProcessedOnce()
    {
        // Creators subscribed through the real flow, on either web: their Stripe objects are what the events name.
        var prefix = $"ev{Guid.NewGuid():N}"[..10];
        for (var i = 0; i < 3; i++)
        {
            using var browser = new ReplicaBrowser(fixture.Cluster);
            await browser.SubscribeAsync(i % 2 == 0 ? fixture.Web1 : fixture.Web2, $"{prefix}{i}@example.com", PlanCodes.Silver);
        }

        var subscriptions = await Cluster.WithDbAsync(db => db.CreatorSubscriptions.AsNoTracking()
            .Where(s => s.CreatorProfile!.DisplayName.StartsWith("Creator " + prefix)).Select(s => new { s.Id, s.StripeSubscriptionId }).ToListAsync());
        subscriptions.Should().HaveCount(3).And.OnlyContain(s => s.StripeSubscriptionId != null);
        var stripe = Cluster.Stripe();
        var invoices = new List<string>();
        foreach (var s in subscriptions)
            invoices.AddRange((await stripe.V1.Invoices.ListAsync(new Stripe.InvoiceListOptions { Subscription = s.StripeSubscriptionId })).Select(i => i.Id));
        invoices.Should().HaveCount(3, "one paid invoice per subscription");

        // 500 distinct events (half invoice.paid, half customer.subscription.updated), each POSTed to both webs at once.
        var events = Enumerable.Range(0, EventCount).Select(i => i % 2 == 0
            ? StripeEventSamples.Event("invoice.paid", invoices[i / 2 % invoices.Count], "invoice", id: $"evt_{prefix}_{i:D4}")
            : StripeEventSamples.Event("customer.subscription.updated", subscriptions[i / 2 % subscriptions.Count].StripeSubscriptionId!, "subscription", id: $"evt_{prefix}_{i:D4}"))
            .ToList();
        using var web1 = new HttpClient { BaseAddress = fixture.Web1.Url, Timeout = TimeSpan.FromSeconds(120) };
        using var web2 = new HttpClient { BaseAddress = fixture.Web2.Url, Timeout = TimeSpan.FromSeconds(120) };
        using var gate = new SemaphoreSlim(16);
        var statuses = await Task.WhenAll(events.Select(async json =>
        {
            await gate.WaitAsync();
            try
            {
                var answers = await Task.WhenAll(
                    web1.PostAsync("/api/webhooks/stripe/billing", json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret)),
                    web2.PostAsync("/api/webhooks/stripe/billing", json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret)));
                return answers.Select(a => (int)a.StatusCode).ToArray();
            }
            finally
            {
                gate.Release();
            }
        }));

        statuses.SelectMany(s => s).Should().OnlyContain(s => s == 200, "a delivery (first or duplicate) is acknowledged by either replica");
        var watch = Stopwatch.StartNew();
        var rows = await Cluster.PollAsync(db => db.StripeWebhookEvents.AsNoTracking().Where(e => e.StripeEventId.StartsWith($"evt_{prefix}_")).ToListAsync(),
            r => r.Count(e => e.Status == WebhookEventStatus.Processed) >= EventCount || r.Any(e => e.Status == WebhookEventStatus.Failed), TimeSpan.FromSeconds(240));
        output.WriteLine($"{EventCount} events × 2 webs acknowledged; {rows.Count(e => e.Status == WebhookEventStatus.Processed)} processed {watch.Elapsed.TotalSeconds:F1} s after the last answer");
        rows.Should().HaveCount(EventCount, "one inbox row per event, whichever replica stored it");
        rows.Should().OnlyContain(e => e.Status == WebhookEventStatus.Processed, Cluster.Logs());
        rows.Should().OnlyContain(e => e.Attempts == 1, "each event processed exactly once");
        var subscriptionIds = subscriptions.Select(s => s.Id).ToList();
        var ledger = await Cluster.WithDbAsync(db => db.Payments.AsNoTracking().Where(p => invoices.Contains(p.StripeInvoiceId)).Select(p => p.StripeInvoiceId).ToListAsync());
        ledger.Should().BeEquivalentTo(invoices, "one ledger row per paid invoice");
        var states = await Cluster.WithDbAsync(db => db.CreatorSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id))
            .Select(s => new { s.Status, s.Plan!.Code }).ToListAsync());
        states.Should().OnlyContain(s => s.Status == SubscriptionStatus.Active && s.Code == PlanCodes.Silver);
    }

    [Fact]
    public async Task SignInOnWeb1_ContinueOnWeb2_CookieAndAntiforgeryValidThere_PlanChosenOnBothAtOnceMakesOneCheckoutSession()
    {
        var email = $"roam{Guid.NewGuid():N}"[..14] + "@example.com";
        var name = "Roaming " + email.Split('@')[0];
        using var browser = new ReplicaBrowser(fixture.Cluster);
        await browser.RegisterAsync(fixture.Web1, email, name);

        // The cookie issued by web 1 signs the creator in on web 2; a form read on web 1 posts on web 2.
        (await browser.On(fixture.Web2).Client.GetAsync("/creator/connect")).StatusCode.Should().Be(HttpStatusCode.OK);
        await browser.CompleteOnboardingAsync(fixture.Web2);
        var fromWeb1 = await browser.PlanFormAsync(fixture.Web1, PlanCodes.Gold);
        var fromWeb2 = await browser.PlanFormAsync(fixture.Web2, PlanCodes.Gold);
        var creatorId = await Cluster.WithDbAsync(db => db.CreatorProfiles.Where(c => c.DisplayName == name).Select(c => c.Id).SingleAsync());

        // Both replicas at once, each with the other's antiforgery token.
        var answers = await Task.WhenAll(browser.SelectPlanAsync(fixture.Web1, fromWeb2), browser.SelectPlanAsync(fixture.Web2, fromWeb1));

        answers.Select(a => a.StatusCode).Should().Equal(HttpStatusCode.SeeOther, HttpStatusCode.SeeOther);
        answers.Select(ReplicaBrowser.Location).Distinct().Should().ContainSingle("both replicas send the creator to the same Checkout page");
        (await CheckoutSessionCreationsAsync(creatorId)).Should().Be(1, "one Checkout Session for the two clicks");
        var page = await browser.PayAsync(ReplicaBrowser.Location(answers[0]), email, fixture.Web2);
        page.AbsolutePath.Should().EndWith("/creator/subscription");
        (await browser.On(fixture.Web1).Client.GetStringAsync("/creator/subscription")).Should().Contain("Gold");
    }

    [Fact]
    public async Task PlanChangeProcessedByTheWorker_ListingLimitOnWeb2RightAtOnce()
    {
        var email = $"limit{Guid.NewGuid():N}"[..14] + "@example.com";
        using var browser = new ReplicaBrowser(fixture.Cluster);
        await browser.SubscribeAsync(fixture.Web1, email, PlanCodes.Silver);
        var listings = browser.On(fixture.Web2);
        var silverMax = await MaxListingsAsync(PlanCodes.Silver);
        var goldMax = await MaxListingsAsync(PlanCodes.Gold);
        (await listings.Client.GetStringAsync("/creator/listings")).Should().Contain($"of {silverMax} allowed by your plan", "web 2 has read the Silver limit");

        // The plan changes in Stripe; the event reaches web 1, the worker applies it.
        var row = await Cluster.WithDbAsync(db => db.CreatorSubscriptions.AsNoTracking().SingleAsync(s => s.CreatorProfile!.DisplayName == "Creator " + email.Split('@')[0]));
        var gold = await Cluster.WithDbAsync(db => db.PlanPrices.Where(p => p.LookupKey == "plan_gold_month_eur").Select(p => p.StripePriceId).SingleAsync());
        var stripe = Cluster.Stripe();
        var subscription = await stripe.V1.Subscriptions.GetAsync(row.StripeSubscriptionId);
        await stripe.V1.Subscriptions.UpdateAsync(subscription.Id, new Stripe.SubscriptionUpdateOptions
        {
            Items = [new Stripe.SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = gold }],
        });
        var json = StripeEventSamples.Event("customer.subscription.updated", subscription.Id, "subscription");
        using (var web1 = new HttpClient { BaseAddress = fixture.Web1.Url })
            (await web1.PostAsync("/api/webhooks/stripe/billing", json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret))).StatusCode.Should().Be(HttpStatusCode.OK);
        var applied = await Cluster.PollAsync(db => db.CreatorSubscriptions.AsNoTracking().Where(s => s.Id == row.Id).Select(s => s.Plan!.Code).SingleAsync(),
            code => code == PlanCodes.Gold, TimeSpan.FromSeconds(60));
        applied.Should().Be(PlanCodes.Gold, Cluster.Logs());
        var committed = Stopwatch.StartNew();

        // The first request to web 2 after the worker's commit already has the new limit (no cache to expire).
        var page = await listings.Client.GetStringAsync("/creator/listings");

        output.WriteLine($"web 2 showed the Gold limit {committed.Elapsed.TotalMilliseconds:F0} ms after the commit was seen");
        page.Should().Contain($"of {goldMax} allowed by your plan");
    }

    private Task<int?> MaxListingsAsync(string code) =>
        Cluster.WithDbAsync(db => db.Plans.Where(p => p.Code == code).Select(p => p.Capabilities.MaxListings).SingleAsync());

    /// <summary>Checkout Sessions created for creator <paramref name="creatorId"/>: successful <c>POST /v1/checkout/sessions</c> with its <c>client_reference_id</c> in the emulator's request log.</summary>
    private async Task<int> CheckoutSessionCreationsAsync(int creatorId)
    {
        using var emulator = Cluster.Emulator.Client(Cluster.ApiKey);
        var log = System.Text.Json.Nodes.JsonNode.Parse(await emulator.GetStringAsync("/_emulator/requests"))!["data"]!.AsArray();
        return log.Count(r => r!["method"]!.GetValue<string>() == "POST" && r["path"]!.GetValue<string>() == "/v1/checkout/sessions" && r["status"]!.GetValue<int>() == 200
            && r["params"]?["client_reference_id"]?.ToString() == creatorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
