using System.Globalization;
using System.Net;
using Marketplace.Core.Amounts;
using Marketplace.Core.Orders;
using Marketplace.Core.Sales;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Tests.Refunds;

/// <summary>
/// No sale-and-refund cycle costs the platform money: a creator buys their own listing at the currency's minimum price
/// (as a visitor) and refunds it in full from the sales page. The platform's fee is at least Stripe's processing fee and
/// is kept on the refund (<c>refund_application_fee=false</c>), so what the platform's balance kept of the charge, read
/// from the emulator's objects with the emulator's fees, is not negative; and the pages say the same.
/// </summary>
public sealed class RefundCycleTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    /// <summary>Per currency, its minimum price (Stripe's table, or <c>Orders:MinimumChargeAmounts</c> for XAF).</summary>
    public static TheoryData<string, long> MinimumPrices => new() { { "eur", 50 }, { "jpy", 50 }, { "xaf", 350 } };

    [Theory]
    [MemberData(nameof(MinimumPrices))]
    public async Task RefundInFull_CreatorBuysOwnMinimumPriceListing_PlatformNetNotNegative(string currency, long priceMinor)
    {
        using var shop = await app.ShopAsync();
        var listing = await app.StoreListingAsync(shop.CreatorId, "Sticker", priceMinor, currency);
        var order = await app.PaidOrderAsync(shop with { ListingId = listing });
        var sold = await ChargeAsync(order);
        (sold.ApplicationFee.Amount - sold.BalanceTransaction.Fee).Should().BeGreaterThanOrEqualTo(0, "the fee covers Stripe's processing fee on the sale alone");
        var form = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        form.Should().Contain($"The platform keeps its fee of {Money.Format(order.ApplicationFeeMinor, currency, En)}");

        var page = await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));

        page.Should().Contain($"Refunded {Money.Format(priceMinor, currency, En)} to the buyer");
        var refunded = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.Status == OrderStatus.Refunded,
            because: "refunded in full");
        await app.QuiesceAsync();
        var charge = await ChargeAsync(refunded);
        var platformNet = charge.BalanceTransaction.Net - charge.Transfer.Amount + charge.Transfer.AmountReversed
                          + charge.ApplicationFee.Amount - charge.ApplicationFee.AmountRefunded - charge.AmountRefunded;
        platformNet.Should().BeGreaterThanOrEqualTo(0, $"fee {charge.ApplicationFee.Amount}, Stripe's fee {charge.BalanceTransaction.Fee}");
        charge.ApplicationFee.AmountRefunded.Should().Be(0);
        OrderFigures.Of(await app.OrderAsync(order.Id)).PlatformNetMinor.Should().Be(platformNet, "the pages' figure is what Stripe moved");
    }

    [Fact]
    public async Task Pricing_PlanCards_ShowTheMinimumFeeAndThatRefundsKeepIt()
    {
        using var visitor = app.Visitor();

        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync("/pricing"));

        html.Should().Contain("data-testid=\"minimum-fee\">at least 1.5\u00A0% + €0.25 per sale, Stripe's processing fee</li>")
            .And.Contain("data-testid=\"refund-fee-policy\">Not given back when you refund a sale</li>");
    }

    /// <summary>The order's charge with its balance transaction (Stripe's fee), transfer (reversals) and application fee (refunds).</summary>
    private Task<Charge> ChargeAsync(Order order) =>
        app.Stripe.V1.Charges.GetAsync(order.StripeChargeId, new ChargeGetOptions { Expand = ["balance_transaction", "transfer", "application_fee"] });
}
