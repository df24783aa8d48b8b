using System.Net;
using Marketplace.Core.Orders;
using Marketplace.StripeEmulator.Control;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Disputes;

/// <summary>A buyer paying with 4000 0000 0000 0259 (the emulator disputes the charge as fraudulent) through to lost and won.</summary>
public sealed class OrderDisputeTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private const string DisputedCard = "4000000000000259";

    [Fact]
    public async Task Dispute_0259ClosedAsLost_BannerTransferReversedThenDisputeLost()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop, DisputedCard);

        var disputed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id),
            o => o.Status == OrderStatus.Disputed && o.DisputeTransferReversalId is not null, because: "charge.dispute.created and funds_withdrawn");

        (disputed.DisputeAmountMinor, disputed.DisputeReason, disputed.DisputeStatus, disputed.DisputeTransferReversedMinor).Should().Be((2500L, "fraudulent", "needs_response", 2500L));
        disputed.DisputeEvidenceDueBy.Should().BeCloseTo(disputed.PaidAt!.Value.AddDays(7), TimeSpan.FromMinutes(5));
        var sales = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        sales.Should().Contain("data-testid=\"dispute-banner\"").And.Contain("disputes €25.00").And.Contain("reason: the buyer says they did not make this payment")
            .And.Contain($"evidence due by {disputed.DisputeEvidenceDueBy:yyyy-MM-dd HH:mm} UTC")
            .And.Contain($"https://dashboard.stripe.com/test/disputes/{disputed.StripeDisputeId}");
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders?status=disputed")).Should().Contain($"data-order-id=\"{order.Id}\"").And.Contain("Dispute needs a response <code>needs_response</code>: €25.00, the buyer says they did not make this payment <code>fraudulent</code>");
        var open = await app.WithDbAsync(db => db.Orders.CountAsync(o => o.Status == OrderStatus.Disputed));
        (await admin.Client.GetStringAsync("/admin")).Should().Contain($"<a href=\"/admin/orders?status=disputed\">{open}</a>");
        var transfer = await app.Stripe.V1.Transfers.GetAsync(order.StripeTransferId);
        transfer.AmountReversed.Should().Be(2500);
        transfer.Reversals.Data.Should().ContainSingle().Which.Metadata["dispute_id"].Should().Be(disputed.StripeDisputeId);

        app.Emulator.CloseDispute(app.ApiKey, disputed.StripeDisputeId!, "lost");

        var lost = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.Status == OrderStatus.DisputeLost, because: "charge.dispute.closed");
        (lost.DisputeStatus, lost.DisputeRetransferId).Should().Be(("lost", (string?)null));
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().NotContain("data-testid=\"dispute-banner\"").And.Contain("Dispute lost");
    }

    [Fact]
    public async Task Dispute_0259ClosedAsWon_PaidAgainAndTheReversedAmountTransferredBack()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop, DisputedCard);
        var disputed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id),
            o => o.DisputeTransferReversalId is not null, because: "charge.dispute.funds_withdrawn");
        // The platform paid the 20.00 EUR dispute fee: its fee on a bigger sale lets it give the 25.00 back at once.
        await app.PaidOrderAsync(shop with { ListingId = await app.StoreListingAsync(shop.CreatorId, "Print A0", 50000, "eur") });
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);

        app.Emulator.CloseDispute(app.ApiKey, disputed.StripeDisputeId!, "won");

        var won = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeRetransferId is not null, because: "charge.dispute.closed won");
        (won.Status, won.DisputeStatus).Should().Be((OrderStatus.Paid, "won"));
        var back = await app.Stripe.V1.Transfers.GetAsync(won.DisputeRetransferId);
        (back.Amount, back.Currency, back.DestinationId, back.Metadata["dispute_id"]).Should().Be((2500L, "eur", shop.AccountId, disputed.StripeDisputeId!));
        await app.QuiesceAsync();
        var transfers = await app.Stripe.V1.Transfers.ListAsync(new TransferListOptions { Destination = shop.AccountId });
        transfers.Data.Count(t => t.Metadata.GetValueOrDefault("dispute_id") == disputed.StripeDisputeId).Should().Be(1, "one transfer back, whatever was delivered twice");
    }

    [Fact]
    public async Task Dispute_WonWhileThePlatformIsShort_RefusedOnceThenTransferredBackOnceFundsArrive()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop, DisputedCard);
        var disputed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id),
            o => o.DisputeTransferReversalId is not null, because: "charge.dispute.funds_withdrawn");
        var available = (await app.Stripe.V1.Balance.GetAsync()).Available.Where(a => a.Currency == "eur").Sum(a => a.Amount);
        if (available >= 2500) // other tests of this class funded the platform: spend it, so that the transfer back is refused
            await app.Stripe.V1.Transfers.CreateAsync(new TransferCreateOptions { Amount = available, Currency = "eur", Destination = shop.AccountId });

        app.Emulator.CloseDispute(app.ApiKey, disputed.StripeDisputeId!, "won");

        var short_ = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeStatus == "won",
            because: "the outcome is saved though the transfer back is refused");
        short_.DisputeRetransferId.Should().BeNull();
        // The outcome is saved before the transfer back is tried: wait for Stripe's refusal itself, not only for "won".
        bool Refused(Marketplace.StripeEmulator.Api.EmulatorRequest r) => r.Method == "POST" && r.Path == "/v1/transfers" && r.Status == 400
            && r.IdempotencyKey is { } key && key.StartsWith($"dispute-retransfer:{disputed.StripeDisputeId}:", StringComparison.Ordinal);
        for (var waited = 0; waited < 600 && !app.Emulator.GetRequests(app.ApiKey).Any(Refused); waited++)
            await Task.Delay(100);
        app.Emulator.GetRequests(app.ApiKey).Where(Refused).Should().NotBeEmpty("Stripe refused it: balance_insufficient");
        var owed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.TransferBackRefusal is not null,
            because: "the refusal is saved with the dispute's outcome");
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var page in new[] { "/admin/owed", "/admin" })
        {
            var html = WebUtility.HtmlDecode(await admin.Client.GetStringAsync(page));
            var row = html[html.IndexOf($"data-owed-order-id=\"{order.Id}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            row.Should().Contain("€25.00").And.Contain(shop.Slug).And.Contain("balance_insufficient").And.Contain($"{owed.TransferBackOwedSince:yyyy-MM-dd HH:mm}", page);
        }
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("Dispute won: €25.00 is being paid back to your Stripe balance.");
        await app.PaidOrderAsync(shop with { ListingId = await app.StoreListingAsync(shop.CreatorId, "Print A0", 50000, "eur") });
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Marketplace.Core.Disputes.DisputeRetransferSweepJob>().RunAsync(CancellationToken.None);

        var paid = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeRetransferId is not null, because: "the sweep (or the webhook job's retry) transferred it back");
        (paid.Status, paid.DisputeStatus).Should().Be((OrderStatus.Paid, "won"));
        await app.QuiesceAsync();
        var transfers = await app.Stripe.V1.Transfers.ListAsync(new TransferListOptions { Destination = shop.AccountId, Limit = 100 });
        transfers.Data.Where(t => t.Metadata.GetValueOrDefault("dispute_id") == disputed.StripeDisputeId).Should().ContainSingle()
            .Which.Should().Match<Transfer>(t => t.Id == paid.DisputeRetransferId && t.Amount == 2500);
        (await admin.Client.GetStringAsync("/admin/owed")).Should().NotContain($"data-owed-order-id=\"{order.Id}\"", "paid back: no longer owed");
        (await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().NotContain("being-paid-back");
    }
}

public sealed class ChaoticOrdersFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?> { ["Orders:AnonymousBuyPermitPerMinute"] = "10000" });

/// <summary>Refunds and disputes with every event delivered twice, in a shuffled order: the order ends in Stripe's final state.</summary>
public sealed class ChaoticDeliveryTests(ChaoticOrdersFactory app) : IClassFixture<ChaoticOrdersFactory>
{
    private static readonly WebhookChaos Chaos = new() { Duplicate = true, Shuffle = true };

    [Fact]
    public async Task Deliver_TwoDashboardRefundsDuplicatedAndShuffled_OrderHoldsStripesTotals()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        app.Emulator.SetWebhookChaos(app.ApiKey, Chaos);

        await app.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = order.StripePaymentIntentId, Amount = 500, ReverseTransfer = true, RefundApplicationFee = true });
        await app.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = order.StripePaymentIntentId, Amount = 700, ReverseTransfer = true, RefundApplicationFee = true });
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.RefundedMinor == 1200, because: "the second charge.refunded");
        await app.QuiesceAsync();

        var stored = await app.OrderAsync(order.Id);
        (stored.Status, stored.RefundedMinor, stored.TransferReversedMinor, stored.ApplicationFeeRefundedMinor).Should().Be((OrderStatus.PartiallyRefunded, 1200L, 1200L, 120L));
    }

    [Fact]
    public async Task Deliver_0259DisputeLostDuplicatedAndShuffled_DisputeLostWithOneReversal()
    {
        using var shop = await app.ShopAsync();
        app.Emulator.SetWebhookChaos(app.ApiKey, Chaos);
        var order = await app.PaidOrderAsync(shop, "4000000000000259");
        var disputed = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeTransferReversalId is not null, because: "funds_withdrawn");

        app.Emulator.CloseDispute(app.ApiKey, disputed.StripeDisputeId!, "lost");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeStatus == "lost", because: "charge.dispute.closed");
        await app.QuiesceAsync();

        var stored = await app.OrderAsync(order.Id);
        (stored.Status, stored.DisputeStatus, stored.DisputeTransferReversedMinor).Should().Be((OrderStatus.DisputeLost, "lost", 2500L));
        (await app.Stripe.V1.Transfers.GetAsync(order.StripeTransferId)).Reversals.Data.Should().ContainSingle();
    }
}

/// <summary>The live app with <c>Disputes:ReverseTransferOnDispute=false</c>.</summary>
public sealed class NoDisputeReversalFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Orders:AnonymousBuyPermitPerMinute"] = "10000", ["Disputes:ReverseTransferOnDispute"] = "false",
});

/// <summary>A platform that keeps the dispute's cost: the order is Disputed, the creator's transfer untouched.</summary>
public sealed class NoDisputeReversalTests(NoDisputeReversalFactory app) : IClassFixture<NoDisputeReversalFactory>
{
    [Fact]
    public async Task FundsWithdrawn_ReversalTurnedOff_DisputedAndTheTransferNotReversed()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop, "4000000000000259");

        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.Status == OrderStatus.Disputed, because: "charge.dispute.created");
        await app.QuiesceAsync();

        var stored = await app.OrderAsync(order.Id);
        (stored.DisputeTransferReversalId, stored.DisputeTransferReversedMinor).Should().Be(((string?)null, 0L));
        (await app.Stripe.V1.Transfers.GetAsync(order.StripeTransferId)).AmountReversed.Should().Be(0);
        (await app.WithDbAsync(db => db.StripeWebhookEvents.AnyAsync(e => e.Type == "charge.dispute.funds_withdrawn"))).Should().BeTrue("the event came and was handled");
    }
}
