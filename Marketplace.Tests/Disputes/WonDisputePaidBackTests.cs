using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Amounts;
using Marketplace.Core.Disputes;
using Marketplace.Core.Orders;
using Marketplace.StripeEmulator.Api;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Disputes;

/// <summary>
/// A won dispute from start to end, through the pages a creator and an admin use (the integration form of the browser
/// scenario): a buyer disputes a 25.00 EUR purchase (card 0259), the creator answers with evidence from the sales page,
/// the emulator closes it as won while the platform's available balance is short, the admin sees it owed, the platform
/// then gets funds and the creator's transfer back succeeds once (one successful <c>POST /v1/transfers</c>); then
/// <c>/creator/sales</c>, its CSV and <c>/admin</c> show figures equal to the emulator's balance transactions.
/// </summary>
public sealed partial class WonDisputePaidBackTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task WonDispute_PlatformShortThenFunded_TransferredBackOnceAndEveryPageEqualsStripe()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop, "4000000000000259");
        var disputed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id),
            o => o.DisputeStatus == "needs_response" && o.DisputeTransferReversalId is not null, because: "charge.dispute.created and funds_withdrawn");
        var disputeId = disputed.StripeDisputeId!;

        // The creator answers from the sales page.
        var posted = await shop.Creator.SubmitFormAsync("/creator/sales", new Dictionary<string, string>
        {
            ["productDescription"] = "A2 poster, PDF download.", ["customerCommunication"] = "", ["accessActivityLog"] = "",
            ["refundPolicy"] = "Refunds within 14 days.", ["uncategorizedText"] = "", ["requestToken"] = Guid.NewGuid().ToString("N"),
        }, $"/creator/sales/{order.Id}/dispute-evidence");
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Stripe.V1.Disputes.GetAsync(disputeId)).Status.Should().Be("under_review");

        // Won while the platform is short: Stripe refuses the transfer back, the admin sees it owed.
        var available = (await app.Stripe.V1.Balance.GetAsync()).Available.Where(a => a.Currency == "eur").Sum(a => a.Amount);
        available.Should().BeLessThan(2500, "the platform paid the dispute and its fee; its sale is still pending");
        app.Emulator.CloseDispute(app.ApiKey, disputeId, "won");
        var owed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.TransferBackRefusal is not null,
            because: "Stripe refused the transfer back");
        owed.TransferBackRefusal.Should().StartWith("balance_insufficient");
        var closed = await app.EventuallyAsync(db => db.StripeWebhookEvents.AsNoTracking().Where(e => e.Type == "charge.dispute.closed").ToListAsync(),
            rows => rows.Count == 1 && rows[0].Status != Marketplace.Core.Webhooks.WebhookEventStatus.Received && rows[0].Status != Marketplace.Core.Webhooks.WebhookEventStatus.Processing,
            because: "the event's processing ends");
        closed.Single().Status.Should().Be(Marketplace.Core.Webhooks.WebhookEventStatus.Processed, "the outcome is applied; the money owed is the sweep's to pay, not a failed event");
        closed.Single().LastError.Should().Contain("owed to the creator");
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.Client.GetStringAsync("/admin")).Should().Contain($"data-owed-order-id=\"{order.Id}\"");

        // The platform gets funds; the hourly sweep pays the creator back.
        await app.PaidOrderAsync(shop with { ListingId = await app.StoreListingAsync(shop.CreatorId, "Print A0", 50000, "eur") });
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DisputeRetransferSweepJob>().RunAsync(CancellationToken.None);
        var paid = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeRetransferId is not null,
            because: "the transfer back");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DisputeRetransferSweepJob>().RunAsync(CancellationToken.None);
        await app.QuiesceAsync();

        bool Succeeded(EmulatorRequest r) => r.Method == "POST" && r.Path == "/v1/transfers" && r.Status == 200
            && r.IdempotencyKey is { } key && key.StartsWith($"dispute-retransfer:{disputeId}:", StringComparison.Ordinal);
        app.Emulator.GetRequests(app.ApiKey).Where(Succeeded).Select(r => r.IdempotencyKey).Distinct().Should().ContainSingle("one transfer back was made");
        var back = (await app.Stripe.V1.Transfers.ListAsync(new TransferListOptions { Destination = shop.AccountId, Limit = 100 })).Data
            .Where(t => t.Metadata.GetValueOrDefault("dispute_id") == disputeId).Should().ContainSingle().Subject;
        (back.Id, back.Amount, back.Currency).Should().Be((paid.DisputeRetransferId!, 2500L, "eur"));
        (await admin.Client.GetStringAsync("/admin/owed")).Should().NotContain($"data-owed-order-id=\"{order.Id}\"");

        // Every page equals what Stripe moved.
        var orders = await app.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == shop.CreatorId && o.StripeChargeId != null).ToListAsync());
        long gross = 0, feeKept = 0;
        foreach (var sale in orders)
        {
            var charge = await app.ChargeAsync(sale);
            gross += charge.Amount;
            feeKept += charge.ApplicationFee.Amount - charge.ApplicationFee.AmountRefunded;
        }
        var dispute = await app.Stripe.V1.Disputes.GetAsync(disputeId);
        var expected = new Dictionary<string, long>
        {
            ["gross"] = gross, ["refunded"] = 0, ["disputed"] = dispute.Amount, ["reinstated"] = dispute.Status == "won" ? dispute.Amount : 0, ["fee"] = feeKept,
            ["net"] = await NetOfBalanceAsync(shop.AccountId),
        };
        var sales = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        Figures(RefundScenarios.TotalsRow(sales, "all-eur")).Should().BeEquivalentTo(Formatted(expected));
        sales.Should().NotContain("being-paid-back");

        var csv = (await shop.Creator.Client.GetStringAsync("/creator/sales/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        long Column(string name) => rows.Sum(r => Money.ToMinor(decimal.Parse(r[Array.IndexOf(header, name)], CultureInfo.InvariantCulture), "eur"));
        new Dictionary<string, long>
        {
            ["gross"] = Column("amount"), ["refunded"] = Column("refunded"), ["disputed"] = Column("disputed"), ["reinstated"] = Column("reinstated"),
            ["fee"] = Column("platform_fee"), ["net"] = Column("net_to_creator"),
        }.Should().BeEquivalentTo(expected);

        var dashboard = Figures(RefundScenarios.TotalsRow(WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin")), "all-eur"));
        dashboard.Should().Contain(Formatted(expected));
        dashboard["platform-net"].Should().Be(Money.Format(await NetOfBalanceAsync(null), "eur", En), "the platform's balance transactions");
    }

    /// <summary>The sum of <c>net</c> of every EUR balance transaction: the platform's (null), or the connected account's.</summary>
    private async Task<long> NetOfBalanceAsync(string? accountId)
    {
        long net = 0;
        var request = accountId is null ? null : new RequestOptions { StripeAccount = accountId };
        await foreach (var txn in app.Stripe.V1.BalanceTransactions.ListAutoPagingAsync(new BalanceTransactionListOptions { Currency = "eur", Limit = 100 }, request))
            net += txn.Net;
        return net;
    }

    private static Dictionary<string, string> Formatted(Dictionary<string, long> figures) => figures.ToDictionary(f => f.Key, f => Money.Format(f.Value, "eur", En));

    private static Dictionary<string, string> Figures(string html) =>
        FigureCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    [GeneratedRegex("<td class=\"text-end[^\"]*\" data-figure=\"([a-z-]+)\">([^<]*)</td>")]
    private static partial Regex FigureCell();
}
