using System.Text.RegularExpressions;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// Refunds and disputes in a real Chromium against the live app: a Silver creator (10 %) refunds 10.00 of a 25.00 EUR
/// order from the sales page → Partially refunded, a 1,000 transfer reversal and no fee refund in Stripe (the platform
/// keeps its fee on a refund the creator chooses, <c>Refunds:RefundApplicationFee=false</c>), the creator's net down by 10.00; a second buyer pays with 4000 0000 0000 0259 → the dispute banner,
/// the transfer reversed, and the dispute closed as lost. (The payout step is <see cref="PayoutBrowserTests"/>.)
/// </summary>
[Trait("Category", "Browser")]
public sealed class RefundDisputeBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    private const string DisputedCard = "4000 0000 0000 0259";

    [Fact]
    public async Task Journey_CreatorRefundsTenOfTwentyFiveThenA0259BuyerDisputes_OrderStatesAndStripeAmounts()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Refund Studio");
        await creator.OnboardAsync(complete: true);
        await creator.ChooseSilverMonthlyAsync();
        await creator.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-silver");
        await creator.ExpectSubscriptionAsync("Silver", "Active");
        await creator.CreateListingAsync("Poster A2", "25.00", "eur");
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email)).Select(c => c.Id).SingleAsync());
        var slug = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.Slug).SingleAsync());

        var first = await BuyAsync(slug, "first-buyer", BrowserJourney.GoodCard, "first@example.com");
        await Expect(first.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");
        var paid = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CreatorProfileId == creatorId), o => o.Status == OrderStatus.Paid);

        // The creator refunds 10.00 EUR from the sales page.
        await creator.GotoAsync("/creator/sales");
        var row = creator.Page.Locator($"tr[data-order-id='{paid.Id}']");
        var net = creator.Page.Locator("tr[data-total='all-eur'] [data-figure='net']");
        await Expect(net).ToHaveTextAsync("€22.50");
        await row.GetByTestId($"refund-{paid.Id}").Locator("summary").ClickAsync();
        await row.Locator("input[name='amount']").FillAsync("10.00");
        await creator.ScreenshotAsync("refund-form");
        await row.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();

        await Expect(creator.Page).ToHaveURLAsync(new Regex("/creator/sales$"));
        await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("Partially refunded");
        await Expect(net).ToHaveTextAsync("€12.50"); // 22.50 after the fee, less the whole 10.00: the platform keeps its fee
        await creator.ScreenshotAsync("partially-refunded");
        var refunded = await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == paid.Id));
        var charge = await app.Stripe.V1.Charges.GetAsync(refunded.StripeChargeId, new Stripe.ChargeGetOptions { Expand = ["refunds"] });
        charge.AmountRefunded.Should().Be(1000);
        var reversals = await app.Stripe.V1.Transfers.Reversals.ListAsync(refunded.StripeTransferId);
        reversals.Data.Sum(r => r.Amount).Should().Be(1000);
        var feeRefunds = await app.Stripe.V1.ApplicationFees.Refunds.ListAsync(refunded.StripeApplicationFeeId);
        feeRefunds.Data.Sum(r => r.Amount).Should().Be(0);

        // A second buyer pays with the card that Stripe's test mode disputes as fraudulent.
        var second = await BuyAsync(slug, "disputing-buyer", DisputedCard, "second@example.com");
        await Expect(second.Page.GetByTestId("order-status")).ToHaveTextAsync(new Regex("Paid|Disputed"));
        var disputed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CreatorProfileId == creatorId && o.Id != paid.Id),
            o => o.Status == OrderStatus.Disputed && o.DisputeTransferReversedMinor == 2500, seconds: 60,
            because: "charge.dispute.created, then funds_withdrawn reverses the creator's transfer");
        await creator.GotoAsync("/creator/sales");
        var banner = creator.Page.Locator($"[data-testid='dispute-banner'][data-order-id='{disputed.Id}']");
        await Expect(banner).ToContainTextAsync("A buyer's bank disputes €25.00");
        await Expect(banner).ToContainTextAsync("the buyer says they did not make this payment");
        await Expect(banner.GetByTestId("dispute-reversed")).ToContainTextAsync("€25.00");
        await creator.ScreenshotAsync("dispute-banner");

        app.Emulator.CloseDispute(app.ApiKey, disputed.StripeDisputeId!, "lost");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == disputed.Id), o => o.Status == OrderStatus.DisputeLost,
            because: "charge.dispute.closed (lost)");
        await creator.GotoAsync("/creator/sales");
        await Expect(creator.Page.Locator($"tr[data-order-id='{disputed.Id}']").GetByTestId("order-status")).ToHaveTextAsync("Dispute lost");
        await Expect(banner).ToHaveCountAsync(0);
        await creator.ScreenshotAsync("dispute-lost");
        creator.OutsideRequests.Should().BeEmpty();
        first.OutsideRequests.Should().BeEmpty();
        second.OutsideRequests.Should().BeEmpty();
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    private async Task<BrowserJourney> BuyAsync(string slug, string who, string card, string email)
    {
        var visitor = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_CreatorRefundsTenOfTwentyFiveThenA0259BuyerDisputes_OrderStatesAndStripeAmounts) + "-" + who);
        await visitor.BuyAsync(slug, "Poster A2", email, card);
        return visitor;
    }
}
