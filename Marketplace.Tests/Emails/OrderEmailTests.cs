using Marketplace.Core.Emails;
using Marketplace.Core.Payouts;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Payouts;
using Marketplace.Tests.Refunds;

namespace Marketplace.Tests.Emails;

/// <summary>
/// The emails of a sale and after it through the whole app, with the emulator delivering every webhook twice: a visitor
/// pays on the emulator's Checkout, the creator refunds, a card disputes, a payout fails → webhook jobs → outbox →
/// Hangfire send job → a real SMTP server, parsed with MimeKit. Buyers are written to in the language of their checkout,
/// creators in their account's.
/// </summary>
public sealed class OrderEmailTests(SharedMailMarketplaceFactory app) : IClassFixture<SharedMailMarketplaceFactory>
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task Buy_FrenchVisitorEnglishCreator_OneReceiptInFrenchWithTheOrderLinkAndOneSaleEmailInEnglish()
    {
        using var shop = await ShopAsync();
        var buyer = NewBuyer();
        var creator = await app.CreatorEmailAsync(shop.CreatorId);

        await app.PaidOrderAsync(shop, email: buyer, acceptLanguage: "fr-FR");
        var receipt = await app.Smtp.WaitForAsync(buyer, m => m.Subject == "Votre reçu pour Poster A2");
        var sale = await app.Smtp.WaitForAsync(creator, m => m.Subject == "You made a sale: Poster A2");
        using var someoneWithTheLink = app.Visitor();
        var orderLinks = await receipt.ShouldBeInWithWorkingLinksAsync(app, "fr", someoneWithTheLink.Client);
        var salesLinks = await sale.ShouldBeInWithWorkingLinksAsync(app, "en", shop.Creator.Client);
        var orderPage = await someoneWithTheLink.Client.GetStringAsync(orderLinks.Single());

        receipt.TextBody.Should().Contain("Merci d'avoir acheté Poster A2 chez Poster Shop.").And.Contain($"Montant payé : 25,00{Nbsp}€");
        orderLinks.Single().Should().MatchRegex("/orders/[A-Za-z0-9_-]{22}$");
        orderPage.Should().Contain("https://files.example/poster-a2.pdf", "the order link opens the order with what the creator delivers");
        sale.TextBody.Should().Contain("Poster A2 was bought for €25.00. After the platform's fee you receive €");
        salesLinks.Should().ContainSingle().Which.Should().EndWith("/creator/sales");
        await app.ShouldHaveReceivedOnceAsync(buyer, receipt.Subject, StripeEventTypes.CheckoutSessionCompleted);
        app.Smtp.CountTo(creator, sale.Subject).Should().Be(1);
    }

    [Fact]
    public async Task CreatorRefundsTwiceTheSameAmount_FrenchBuyer_OneEmailPerStripeRefund()
    {
        using var shop = await ShopAsync();
        var buyer = NewBuyer();
        var order = await app.PaidOrderAsync(shop, email: buyer, acceptLanguage: "fr-FR");
        // The platform has funds, so Stripe pays these refunds at once (another test's dispute may have drained its
        // available balance; a refund it does not cover stays pending, as PendingRefundTests shows).
        await app.PaidOrderAsync(shop with { ListingId = await app.StoreListingAsync(shop.CreatorId, "Print A0", 50000, "eur") });
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);

        await shop.CreatorRefundsAsync(order.Id, "5.00", Guid.NewGuid().ToString("N"));
        await shop.CreatorRefundsAsync(order.Id, "5.00", Guid.NewGuid().ToString("N"));
        var subject = $"Remboursement de 5,00{Nbsp}€ pour Poster A2";
        var refunds = await app.Smtp.WaitForAllAsync(buyer, m => m.Subject == subject, count: 2);
        using var someoneWithTheLink = app.Visitor();
        var links = await refunds[0].ShouldBeInWithWorkingLinksAsync(app, "fr", someoneWithTheLink.Client);
        var stripeRefunds = (await app.ChargeAsync(order)).Refunds.Data.Select(r => r.Id);

        refunds[0].TextBody.Should().Contain($"5,00{Nbsp}€ de votre achat de Poster A2 chez Poster Shop ont été remboursés sur votre carte.");
        links.Should().ContainSingle().Which.Should().MatchRegex("/orders/[A-Za-z0-9_-]{22}$");
        (await app.OutboxAsync(EmailKinds.RefundIssued)).Where(e => e.To == buyer).Select(e => e.Key).Should().BeEquivalentTo(stripeRefunds, "one email per re_…");
        await app.QuiesceAsync();
        app.Emulator.GetDeliveries(app.ApiKey).Where(d => d.EventType == StripeEventTypes.ChargeRefunded).GroupBy(d => d.EventId)
            .Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(g => g.Count() >= 2, "each charge.refunded was delivered twice");
        app.Smtp.CountTo(buyer, subject).Should().Be(2, "two refunds, two emails, whatever was delivered twice");
    }

    [Fact]
    public async Task RefundPendingThenSucceeds_FrenchBuyer_OneEmailOnlyOnceStripeSaysSucceeded()
    {
        using var shop = await ShopAsync();
        var buyer = NewBuyer();
        var order = await app.PaidOrderAsync(shop, email: buyer, acceptLanguage: "fr-FR");
        app.Emulator.HoldNextRefund(app.ApiKey);

        await shop.CreatorRefundsAsync(order.Id, "5.00", Guid.NewGuid().ToString("N"));
        await app.QuiesceAsync();
        var refund = (await app.ChargeAsync(order)).Refunds.Data.Single();
        var queuedWhilePending = await RefundEmailKeysAsync(buyer);
        app.Emulator.SettleRefund(app.ApiKey, refund.Id);
        var issued = await app.Smtp.WaitForAsync(buyer, m => m.Subject == $"Remboursement de 5,00{Nbsp}€ pour Poster A2");
        await app.QuiesceAsync();

        refund.Status.Should().Be("pending");
        queuedWhilePending.Should().BeEmpty("a pending refund may still fail: nothing is mailed yet");
        issued.TextBody.Should().Contain($"5,00{Nbsp}€ de votre achat de Poster A2 chez Poster Shop ont été remboursés sur votre carte.");
        (await RefundEmailKeysAsync(buyer)).Should().Equal([refund.Id], "mailed once refund.updated showed it succeeded");
        app.Smtp.CountTo(buyer, issued.Subject).Should().Be(1);
    }

    [Fact]
    public async Task RefundPendingThenFails_NoRefundIssuedEmailAndTheCreatorSeesWhy()
    {
        using var shop = await ShopAsync();
        var buyer = NewBuyer();
        var order = await app.PaidOrderAsync(shop, email: buyer);
        app.Emulator.HoldNextRefund(app.ApiKey);

        var flash = await shop.CreatorRefundsAsync(order.Id, "5.00", Guid.NewGuid().ToString("N"));
        await app.QuiesceAsync();
        var refund = (await app.ChargeAsync(order)).Refunds.Data.Single();
        app.Emulator.SettleRefund(app.ApiKey, refund.Id, "lost_or_stolen_card");
        await app.QuiesceAsync();
        var stored = await app.OrderAsync(order.Id);

        app.Emulator.GetDeliveries(app.ApiKey).Should().Contain(d => d.EventType == StripeEventTypes.RefundFailed, "the app heard of the failure");
        (stored.Status, stored.RefundedMinor, stored.RefundFailureReason).Should().Be((Core.Orders.OrderStatus.Paid, 0L, "lost_or_stolen_card"));
        flash.Should().Contain("The refund of €5.00 is on its way to the buyer: Stripe is still processing it.").And.NotContain("Refunded €5.00 to the buyer");
        (await RefundEmailKeysAsync(buyer)).Should().BeEmpty("a refund that failed was never issued");
        app.Smtp.CountTo(buyer, "Refund of €5.00 for Poster A2").Should().Be(0);
    }

    [Fact]
    public async Task CardDisputes_FrenchCreator_OneDisputeEmailInFrenchWithAWorkingSalesLink()
    {
        using var shop = await ShopAsync();
        await app.SetCreatorLocaleAsync(shop.CreatorId, "fr");
        var creator = await app.CreatorEmailAsync(shop.CreatorId);

        await app.PaidOrderAsync(shop, card: "4000000000000259", email: NewBuyer());
        var dispute = await app.Smtp.WaitForAsync(creator, m => m.Subject == $"Un acheteur conteste un paiement de 25,00{Nbsp}€");
        var links = await dispute.ShouldBeInWithWorkingLinksAsync(app, "fr", shop.Creator.Client);

        dispute.TextBody.Should().Contain("L'acheteur de Poster A2 a contesté le paiement auprès de sa banque (motif : l’acheteur dit ne pas avoir fait ce paiement). Répondez avec des preuves avant le ");
        links.Should().ContainSingle().Which.Should().EndWith("/creator/sales");
        await app.ShouldHaveReceivedOnceAsync(creator, dispute.Subject, StripeEventTypes.ChargeDisputeCreated);
    }

    [Fact]
    public async Task PayoutFails_EnglishCreator_OnePayoutFailedEmailWithAWorkingLink()
    {
        using var shop = await ShopAsync();
        var creator = await app.CreatorEmailAsync(shop.CreatorId);
        await app.FundedAsync(shop);

        await app.PayOutAsync(shop, 1000, PayoutStatus.Failed, "account_closed");
        var failed = await app.Smtp.WaitForAsync(creator, m => m.Subject == "Stripe could not pay out €10.00 to your bank");
        var links = await failed.ShouldBeInWithWorkingLinksAsync(app, "en", shop.Creator.Client);

        failed.TextBody.Should().Contain("The payout of €10.00 to your bank failed.").And.Contain("The bank account has been closed.")
            .And.Contain("Update your bank details in your Stripe dashboard.");
        links.Should().ContainSingle().Which.Should().EndWith("/creator/sales");
        await app.ShouldHaveReceivedOnceAsync(creator, failed.Subject, StripeEventTypes.PayoutFailed);
    }

    /// <summary>A shop (<see cref="OrderScenarios.ShopAsync"/>) whose webhooks, from now on, the emulator delivers twice.</summary>
    private async Task<Shop> ShopAsync()
    {
        app.DeliverEveryWebhookTwice();
        return await app.ShopAsync();
    }

    [Fact]
    public async Task PayoutFails_FrenchCreator_TheReasonInFrench()
    {
        using var shop = await ShopAsync();
        await app.SetCreatorLocaleAsync(shop.CreatorId, "fr");
        var creator = await app.CreatorEmailAsync(shop.CreatorId);
        await app.FundedAsync(shop);

        await app.PayOutAsync(shop, 1000, PayoutStatus.Failed, "account_frozen");
        var failed = await app.Smtp.WaitForAsync(creator, m => m.Subject == $"Stripe n'a pas pu verser 10,00{Nbsp}€ sur votre compte bancaire");
        await failed.ShouldBeInWithWorkingLinksAsync(app, "fr", shop.Creator.Client);

        failed.TextBody.Should().Contain($"Le virement de 10,00{Nbsp}€ vers votre banque a échoué.").And.Contain("Le compte bancaire a été gelé.")
            .And.NotContain("The bank account has been frozen.", "Stripe's English failure_message is not shown for a code we know");
        await app.ShouldHaveReceivedOnceAsync(creator, failed.Subject, StripeEventTypes.PayoutFailed);
    }

    private async Task<List<string>> RefundEmailKeysAsync(string buyer) =>
        (await app.OutboxAsync(EmailKinds.RefundIssued)).Where(e => e.To == buyer).Select(e => e.Key).ToList();

    private static string NewBuyer() => $"b{Guid.NewGuid():N}@example.com";
}
