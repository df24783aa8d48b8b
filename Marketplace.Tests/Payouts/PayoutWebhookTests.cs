using System.Net;
using Marketplace.Core.Payouts;
using Marketplace.Core.Webhooks;
using Marketplace.StripeEmulator.Control;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Payouts;

/// <summary>
/// Payouts of a creator's Connect account through the real Connect webhook: the emulator pays out (or fails to) after a
/// paid order, delivers <c>payout.created</c> then <c>payout.paid</c>/<c>payout.failed</c> to the app, whose handlers
/// refetch the payout with <c>Stripe-Account</c>.
/// </summary>
public sealed class PayoutWebhookTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task PayoutPaid_AfterAPaidOrder_RowPaidWithStripesAmountCurrencyAndArrivalDate()
    {
        using var shop = await app.ShopAsync();
        await app.FundedAsync(shop);

        var row = await app.PayOutAsync(shop, 2250, PayoutStatus.Paid);

        var stripe = await app.Stripe.V1.Payouts.GetAsync(row.StripePayoutId, requestOptions: new RequestOptions { StripeAccount = shop.AccountId });
        row.CreatorProfileId.Should().Be(shop.CreatorId);
        row.StripeAccountId.Should().Be(shop.AccountId);
        row.AmountMinor.Should().Be(2250, "€25.00 less the Silver plan's 10 % fee");
        row.Currency.Should().Be("eur");
        row.ArrivalDate.Should().Be(stripe.ArrivalDate);
        row.StripeCreatedAt.Should().Be(stripe.Created);
        row.FailureCode.Should().BeNull();
        var types = await app.EventuallyAsync(db => db.StripeWebhookEvents.Where(e => e.ConnectedAccountId == shop.AccountId && e.Type.StartsWith("payout.") && e.Status == WebhookEventStatus.Processed)
            .Select(e => e.Type).ToListAsync(), t => t.Count == 2, because: "payout.created and payout.paid processed");
        types.Should().BeEquivalentTo([StripeEventTypes.PayoutCreated, StripeEventTypes.PayoutPaid]);
    }

    [Fact]
    public async Task PayoutFailed_AccountClosed_RowFailedWithStripesCodeAndMessage()
    {
        using var shop = await app.ShopAsync();
        await app.FundedAsync(shop);

        var row = await app.PayOutAsync(shop, 1000, PayoutStatus.Failed, "account_closed");

        row.AmountMinor.Should().Be(1000);
        row.FailureCode.Should().Be("account_closed");
        row.FailureMessage.Should().Be("The bank account has been closed.");
    }

    [Fact]
    public async Task Payouts_DuplicatedAndShuffledDeliveries_EndInStripesFinalState()
    {
        using var shop = await app.ShopAsync();
        await app.FundedAsync(shop);
        await app.QuiesceAsync();
        app.Emulator.SetWebhookChaos(app.ApiKey, new WebhookChaos { Duplicate = true, Shuffle = true, ShuffleWindowMs = 300 });
        try
        {
            var failed = app.Emulator.PayOut(app.ApiKey, shop.AccountId, 700, "eur", "no_account");
            var paid = app.Emulator.PayOut(app.ApiKey, shop.AccountId, 800, "eur", null);
            var failedAgain = app.Emulator.PayOut(app.ApiKey, shop.AccountId, 300, "eur", "declined");
            await app.EventuallyAsync(db => db.StripeWebhookEvents.CountAsync(e => e.ConnectedAccountId == shop.AccountId && e.Type.StartsWith("payout.")
                && e.Status == WebhookEventStatus.Processed), n => n == 6, because: "the six payout events processed");
            await app.QuiesceAsync(); // the duplicates too

            var rows = await app.WithDbAsync(db => db.Payouts.AsNoTracking().Where(p => p.StripeAccountId == shop.AccountId).ToListAsync());
            rows.Should().HaveCount(3, "one row per payout, whatever the duplicates");
            foreach (var id in new[] { failed, paid, failedAgain })
            {
                var stripe = await app.Stripe.V1.Payouts.GetAsync(id, requestOptions: new RequestOptions { StripeAccount = shop.AccountId });
                var row = rows.Single(r => r.StripePayoutId == id);
                (row.Status.ToStripe(), row.AmountMinor, row.FailureCode, row.FailureMessage)
                    .Should().Be((stripe.Status, stripe.Amount, NullIfEmpty(stripe.FailureCode), NullIfEmpty(stripe.FailureMessage)), id);
            }

            var inbox = await app.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().Where(e => e.ConnectedAccountId == shop.AccountId && e.Type.StartsWith("payout.")).ToListAsync());
            inbox.Should().HaveCount(6, "created and paid/failed of three payouts").And.OnlyContain(e => e.Status == WebhookEventStatus.Processed);
            var ids = inbox.Select(e => e.StripeEventId).ToHashSet();
            app.Emulator.GetDeliveries(app.ApiKey).Where(d => ids.Contains(d.EventId)).GroupBy(d => d.EventId)
                .Should().HaveCount(6).And.OnlyContain(g => g.Count() >= 2, "each event delivered twice");
        }
        finally
        {
            app.Emulator.SetWebhookChaos(app.ApiKey, new WebhookChaos());
        }
    }

    [Fact]
    public async Task Post_RealPayoutEventToTheBillingEndpoint_400AndNothingStored()
    {
        using var shop = await app.ShopAsync();
        await app.FundedAsync(shop);
        var row = await app.PayOutAsync(shop, 500, PayoutStatus.Paid);
        var events = await app.Stripe.V1.Events.ListAsync(new EventListOptions { Type = StripeEventTypes.PayoutPaid },
            new RequestOptions { StripeAccount = shop.AccountId });
        var stripeEvent = events.Data.Single(e => e.RawJsonElement!.Value.GetRawText().Contains(row.StripePayoutId, StringComparison.Ordinal));
        var json = stripeEvent.RawJsonElement!.Value.GetRawText();
        var forged = json.Replace(stripeEvent.Id, $"evt_wrongendpoint{Guid.NewGuid():N}", StringComparison.Ordinal);
        var billingSecret = app.Services.GetRequiredService<WebhookSecrets>().For(WebhookEndpointKind.Billing)!;
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/webhooks/stripe/billing", forged, StripeEventSamples.Sign(forged, billingSecret));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("billing endpoint");
        var newId = forged[forged.IndexOf("evt_wrongendpoint", StringComparison.Ordinal)..].Split('"')[0];
        (await app.WithDbAsync(db => db.StripeWebhookEvents.AnyAsync(e => e.StripeEventId == newId))).Should().BeFalse();
        var connectSecret = app.Services.GetRequiredService<WebhookSecrets>().For(WebhookEndpointKind.Connect)!;
        (await client.PostAsync("/api/webhooks/stripe/connect", forged, StripeEventSamples.Sign(forged, connectSecret))).StatusCode
            .Should().Be(HttpStatusCode.OK, "the same delivery is taken at the Connect endpoint");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
