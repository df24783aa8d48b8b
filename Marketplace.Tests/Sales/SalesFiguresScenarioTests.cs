using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Amounts;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Sales;

/// <summary>
/// One set of figures, equal to what Stripe moved: in EUR, JPY and XAF (zero-decimal in Stripe's list and in
/// <see cref="Money"/>), a paid order, a partial refund, a full refund, a lost dispute, a won dispute paid back and an
/// abandoned checkout. <c>/creator/sales</c>, its CSV and <c>/admin</c> show the same totals, <c>/admin/orders</c> the same
/// rows as the sales page, and the totals equal what the emulator holds, read through Stripe.net as a reconciliation would:
/// the platform's and the creator's balance transactions, the charges, application fees and disputes.
/// </summary>
public sealed partial class SalesFiguresScenarioTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    /// <summary>Per currency: the big sale that funds the platform, the small price, a partial refund amount as typed.</summary>
    public static TheoryData<string, long, long, string> Currencies => new()
    {
        { "eur", 100000, 2500, "10.00" },
        { "jpy", 100000, 3000, "1000" },
        { "xaf", 1000000, 20000, "5000" },
    };

    [Theory]
    [MemberData(nameof(Currencies))]
    public async Task Figures_EveryKindOfSale_PagesAndCsvAgreeAndEqualWhatStripeMoved(string currency, long bigMinor, long smallMinor, string partial)
    {
        using var shop = await app.ShopAsync();
        var big = await app.StoreListingAsync(shop.CreatorId, "Print A0", bigMinor, currency);
        var small = await app.StoreListingAsync(shop.CreatorId, "Print A4", smallMinor, currency);
        var bigShop = shop with { ListingId = big };
        var smallShop = shop with { ListingId = small };

        var paid = await app.PaidOrderAsync(bigShop);
        var partlyRefunded = await app.PaidOrderAsync(smallShop);
        var refunded = await app.PaidOrderAsync(smallShop);
        var lost = await app.PaidOrderAsync(smallShop, "4000000000000259");
        var won = await app.PaidOrderAsync(smallShop, "4000000000000259");
        using (var visitor = app.Visitor())
            (await visitor.BuyAsync(smallShop)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var abandoned = await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ListingId == small && o.Status == OrderStatus.Pending));
        await app.Stripe.V1.Checkout.Sessions.ExpireAsync(abandoned.StripeCheckoutSessionId);
        foreach (var disputed in new[] { lost, won })
            await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == disputed.Id), o => o.DisputeTransferReversalId is not null, because: "funds_withdrawn");
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);

        await RefundAsync(shop, partlyRefunded.Id, partial, "refunded in part");
        await RefundAsync(shop, refunded.Id, "", "refunded in full");
        var lostDispute = (await app.OrderAsync(lost.Id)).StripeDisputeId!;
        var wonDispute = (await app.OrderAsync(won.Id)).StripeDisputeId!;
        app.Emulator.CloseDispute(app.ApiKey, lostDispute, "lost");
        app.Emulator.CloseDispute(app.ApiKey, wonDispute, "won");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == won.Id), o => o.DisputeRetransferId is not null, because: "the transfer back");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == abandoned.Id), o => o.Status == OrderStatus.Expired, because: "session expired");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == lost.Id), o => o.Status == OrderStatus.DisputeLost, because: "dispute lost");
        await app.QuiesceAsync();

        // What Stripe moved, read as a reconciliation would.
        var platformNet = await NetOfBalanceAsync(currency, null);
        var creatorNet = await NetOfBalanceAsync(currency, shop.AccountId);
        long gross = 0, refundedSum = 0, feeKept = 0;
        foreach (var order in new[] { paid, partlyRefunded, refunded, lost, won })
        {
            var charge = await app.ChargeAsync(order);
            gross += charge.Amount;
            refundedSum += charge.AmountRefunded;
            feeKept += charge.ApplicationFee.Amount - charge.ApplicationFee.AmountRefunded;
        }

        var disputes = (await app.Stripe.V1.Disputes.ListAsync(new DisputeListOptions { Limit = 100 })).Data.Where(d => d.Id == lostDispute || d.Id == wonDispute).ToList();
        var disputedSum = disputes.Sum(d => d.Amount);
        var reinstated = disputes.Where(d => d.Status == "won").Sum(d => d.Amount);
        var expected = new Dictionary<string, long>
        {
            ["gross"] = gross, ["refunded"] = refundedSum, ["disputed"] = disputedSum, ["reinstated"] = reinstated, ["fee"] = feeKept, ["net"] = creatorNet,
        };

        // /creator/sales: the all-time totals; the abandoned checkout is not there.
        var sales = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        Figures(RefundScenarios.TotalsRow(sales, $"all-{currency}")).Should().BeEquivalentTo(Formatted(expected, currency));
        sales.Should().NotContain($"data-order-id=\"{abandoned.Id}\"");

        // The CSV: the columns summed give the same totals.
        var csv = (await shop.Creator.Client.GetStringAsync("/creator/sales/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        var rows = csv.Skip(1).Select(l => l.Split(',')).Where(r => r[Array.IndexOf(header, "currency")] == currency.ToUpperInvariant()).ToList();
        rows.Should().HaveCount(5, "five sales, the abandoned checkout left out");
        long Column(string name) => rows.Sum(r => Money.ToMinor(decimal.Parse(r[Array.IndexOf(header, name)], CultureInfo.InvariantCulture), currency));
        new Dictionary<string, long>
        {
            ["gross"] = Column("amount"), ["refunded"] = Column("refunded"), ["disputed"] = Column("disputed"), ["reinstated"] = Column("reinstated"),
            ["fee"] = Column("platform_fee"), ["net"] = Column("net_to_creator"),
        }.Should().BeEquivalentTo(expected);

        // /admin: the last 12 months, with Stripe's fees and the platform's net.
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin"));
        var adminFigures = Figures(RefundScenarios.TotalsRow(dashboard, $"all-{currency}"));
        adminFigures.Should().Contain(Formatted(expected, currency));
        adminFigures["platform-net"].Should().Be(Money.Format(platformNet, currency, En), "the platform's balance transactions");

        // /admin/orders: each order's row shows what the sales page shows for it.
        var orders = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders"));
        orders.Should().NotContain($"data-order-id=\"{abandoned.Id}\"");
        foreach (var order in new[] { paid, partlyRefunded, refunded, lost, won })
        {
            var onSales = Figures(Row(sales, order.Id));
            Figures(Row(orders, order.Id)).Should().Contain(onSales, $"order {order.Id}");
        }
    }

    private async Task RefundAsync(Shop shop, int orderId, string amount, string because)
    {
        var page = await shop.CreatorRefundsAsync(orderId, amount, Guid.NewGuid().ToString("N"));
        page.Should().NotContain("alert-danger\" role=\"alert\">Stripe", because);
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId), o => o.RefundedMinor > 0, because: because);
    }

    /// <summary>The sum of <c>net</c> of every balance transaction in <paramref name="currency"/>: the platform's, or the connected account's.</summary>
    private async Task<long> NetOfBalanceAsync(string currency, string? accountId)
    {
        long net = 0;
        var options = new BalanceTransactionListOptions { Currency = currency, Limit = 100 };
        var request = accountId is null ? null : new RequestOptions { StripeAccount = accountId };
        await foreach (var txn in app.Stripe.V1.BalanceTransactions.ListAutoPagingAsync(options, request))
            net += txn.Net;
        return net;
    }

    private static Dictionary<string, string> Formatted(Dictionary<string, long> figures, string currency) =>
        figures.ToDictionary(f => f.Key, f => Money.Format(f.Value, currency, En));

    private static Dictionary<string, string> Figures(string html) =>
        FigureCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    private static string Row(string html, int orderId)
    {
        var start = html.IndexOf($"<tr data-order-id=\"{orderId}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"order {orderId} is listed");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<td class=\"text-end[^\"]*\" data-figure=\"([a-z-]+)\">([^<]*)</td>")]
    private static partial Regex FigureCell();
}
