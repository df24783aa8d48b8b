using System.Net;
using Marketplace.StripeEmulator.Control;
using Marketplace.StripeEmulator.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.StripeEmulator;

/// <summary>
/// A running emulator: Kestrel on a loopback address serving Stripe's <c>/v1</c> API, the hosted pages and
/// <c>/_emulator/</c>, with background webhook delivery. Start with <see cref="StartAsync"/>, stop by disposing.
/// The control methods below do what the <c>/_emulator/</c> routes do, for tests in the same process.
/// </summary>
public sealed class StripeEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorControl _control;

    private StripeEmulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _control = app.Services.GetRequiredService<EmulatorControl>();
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>: Stripe.net's <c>apiBase</c> and the hosted pages' host.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Starts an emulator on <see cref="StripeEmulatorOptions.Url"/> (port 0 picks a free port).
    /// Throws <see cref="ArgumentException"/> for a non-loopback address; configuration of the hosting process
    /// (appsettings, environment) is not read.
    /// </summary>
    public static async Task<StripeEmulatorServer> StartAsync(StripeEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = LoopbackUrl(options.Url);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // No file watcher for the (unused) appsettings.json: each one costs an inotify instance, a per-user
            // resource that many in-process emulators (one per test class) would exhaust.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        if (options.LogRequests) builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(url);
        builder.Services.AddStripeEmulator(options);
        var app = builder.Build();
        app.MapStripeEmulator();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        app.Services.GetRequiredService<Emulator>().BaseUrl = baseUrl.ToString().TrimEnd('/');
        return new StripeEmulatorServer(app, baseUrl);
    }

    /// <summary>Moves <paramref name="apiKey"/>'s test clock forward and runs what is now due (renewals, trial ends, cancellations, balances becoming available, scheduled payouts). Returns the new time (Unix seconds).</summary>
    public long AdvanceClock(string apiKey, TimeSpan by) => _control.AdvanceClock(apiKey, by);

    /// <summary>The current time of <paramref name="apiKey"/>'s test clock (Unix seconds).</summary>
    public long Now(string apiKey) => _control.Now(apiKey);

    /// <summary>Delivery attempts for <paramref name="apiKey"/>'s endpoints, oldest first.</summary>
    public IReadOnlyList<DeliveryRecord> GetDeliveries(string apiKey) => _control.Deliveries(apiKey);

    /// <summary>
    /// Every <c>/v1</c> call made with <paramref name="apiKey"/> (any status, including 4xx, idempotent replays and planned
    /// 429/500 failures), oldest first, at most <see cref="EmulatorLimits.MaxRequestsPerKey"/>. What <c>GET /_emulator/requests</c> lists.
    /// </summary>
    public IReadOnlyList<Api.EmulatorRequest> GetRequests(string apiKey) => _control.Requests(apiKey);

    /// <summary>Sets delivery faults (duplicates, shuffle, delay, drop first attempt) for <paramref name="apiKey"/>.</summary>
    public void SetWebhookChaos(string apiKey, WebhookChaos chaos) => _control.SetWebhookChaos(apiKey, chaos);

    /// <summary>
    /// Makes the next <paramref name="count"/> API calls with <paramref name="apiKey"/> answer <paramref name="status"/> (429 or 500),
    /// after any failures already planned; a count of 0 clears the plans. By default the failure comes before the endpoint
    /// executes, so an <c>Idempotency-Key</c> keeps nothing and a retry runs; with <paramref name="duringExecution"/> (500 only)
    /// the endpoint fails while executing and the 500 is saved and replayed for that key, as Stripe does
    /// (https://docs.stripe.com/api/idempotent_requests).
    /// </summary>
    public void FailNextApiCalls(string apiKey, int status, int count, bool duringExecution = false) =>
        _control.FailNextApiCalls(apiKey, status, count, duringExecution);

    /// <summary>
    /// Holds the next <paramref name="count"/> API calls with <paramref name="apiKey"/> for <paramref name="delay"/> each before
    /// handling them (a client whose timeout is shorter sees a timeout), queued after any faults already planned. With
    /// <paramref name="duringExecution"/> the delay is inside the endpoint: the call's <c>Idempotency-Key</c> is held meanwhile
    /// (another request with it: 409 <c>idempotency_key_in_use</c>) and the call completes even if the client gave up.
    /// </summary>
    public void DelayNextApiCalls(string apiKey, TimeSpan delay, int count, bool duringExecution = false) =>
        _control.DelayNextApiCalls(apiKey, delay, count, duringExecution);

    /// <summary>
    /// Makes the next refund created with <paramref name="apiKey"/> fail with <paramref name="failureReason"/>
    /// (<c>refund.failed</c>, status <c>failed</c>); what <c>POST /_emulator/refunds/fail_next</c> does.
    /// </summary>
    public void FailNextRefund(string apiKey, string failureReason = "expired_or_canceled_card") => _control.FailNextRefund(apiKey, failureReason);

    /// <summary>
    /// Makes the next refund created with <paramref name="apiKey"/> stay <c>pending</c> (after <c>refund.created</c> and
    /// <c>charge.refunded</c>) until <see cref="SettleRefund"/>; what <c>POST /_emulator/refunds/hold_next</c> does.
    /// </summary>
    public void HoldNextRefund(string apiKey) => _control.HoldNextRefund(apiKey);

    /// <summary>
    /// Makes held refund <paramref name="refundId"/> (<c>re_…</c>) succeed, or fail with <paramref name="failureReason"/>
    /// (<c>refund.updated</c>, <c>charge.refund.updated</c>; <c>refund.failed</c> first when it fails); what
    /// <c>POST /_emulator/refunds/{id}/settle</c> does. Throws for an unknown refund or one not held pending.
    /// </summary>
    public void SettleRefund(string apiKey, string refundId, string? failureReason = null) => _control.SettleRefund(apiKey, refundId, failureReason);

    /// <summary>
    /// Closes dispute <paramref name="disputeId"/> as <c>won</c> (<c>charge.dispute.closed</c>, then
    /// <c>charge.dispute.funds_reinstated</c>) or <c>lost</c> (<c>charge.dispute.closed</c>); what
    /// <c>POST /_emulator/disputes/{id}/close</c> does. Throws for an unknown dispute or one already closed.
    /// </summary>
    public void CloseDispute(string apiKey, string disputeId, string outcome) => _control.CloseDispute(apiKey, disputeId, outcome);

    /// <summary>
    /// Pays out connected account <paramref name="accountId"/>'s available balance in <paramref name="currency"/> (null: its
    /// default currency), or <paramref name="amount"/> of it (minor units): <c>payout.created</c> then <c>payout.paid</c>, or
    /// <c>payout.failed</c> with <paramref name="failureCode"/> (e.g. <c>account_closed</c>), as Connect events. Returns the
    /// <c>po_…</c> id; throws when payouts are disabled or the balance is insufficient. What
    /// <c>POST /_emulator/accounts/{id}/payouts</c> does.
    /// </summary>
    public string PayOut(string apiKey, string accountId, long? amount = null, string? currency = null, string? failureCode = null) =>
        _control.PayOut(apiKey, accountId, amount, currency, failureCode);

    /// <summary>
    /// Makes the pending balance of <paramref name="accountId"/> (null: the platform) available now (<c>balance.available</c>);
    /// advancing the clock past <c>available_on</c> (7 days) does the same. What <c>POST /_emulator/balance/release</c> does.
    /// </summary>
    public void MakeBalanceAvailable(string apiKey, string? accountId) => _control.MakeBalanceAvailable(apiKey, accountId);

    /// <summary>Sets a connected account to <c>enabled</c>, <c>restricted</c> (with <paramref name="disabledReason"/>) or <c>deauthorized</c>.</summary>
    public void SetAccountState(string apiKey, string accountId, string state, string? disabledReason = null) =>
        _control.SetAccountState(apiKey, accountId, state, disabledReason);

    /// <summary>
    /// Asks <paramref name="fields"/> of connected account <paramref name="accountId"/> by <paramref name="currentDeadline"/>
    /// (Unix seconds of the key's clock): <c>requirements.currently_due</c> and <c>current_deadline</c>, the account staying
    /// enabled; advancing the clock past the deadline moves them to <c>past_due</c> and disables the account. What
    /// <c>POST /_emulator/accounts/{acct}/requirements</c> does.
    /// </summary>
    public void AddRequirements(string apiKey, string accountId, IReadOnlyCollection<string> fields, long currentDeadline) =>
        _control.AddRequirements(apiKey, accountId, fields, currentDeadline);

    /// <summary>
    /// Completes once the emulator's host has stopped: on SIGINT, SIGTERM or SIGQUIT (ASP.NET Core's console lifetime),
    /// or when <paramref name="cancellationToken"/> is cancelled (which also stops it).
    /// </summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops Kestrel and the delivery worker; queued and scheduled deliveries are dropped, state is lost.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static string LoopbackUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
            throw new ArgumentException($"StripeEmulator Url must be an absolute http URL, got '{url}'.", nameof(url));
        var host = uri.Host;
        if (host == "localhost") host = "127.0.0.1";
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip))
            throw new ArgumentException($"The Stripe emulator binds to loopback only (127.0.0.1 or [::1]), got '{url}'.", nameof(url));
        return $"http://{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString())}:{uri.Port}";
    }
}
