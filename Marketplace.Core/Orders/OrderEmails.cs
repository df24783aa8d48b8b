using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Microsoft.EntityFrameworkCore;
using K = Marketplace.Core.Emails.EmailModelKeys;

namespace Marketplace.Core.Orders;

/// <summary>
/// The emails of a sale, queued in the outbox in the caller's save (under the order's lock): the buyer's receipt and
/// "you made a sale" to the creator once Paid (key: the order id), "refund issued" to the buyer for each of the
/// charge's refunds once it succeeded, not while pending (key: Stripe's <c>re_…</c>, so each refund mails once however often its events come and
/// whatever the totals), "dispute opened"
/// to the creator (key: <c>dp_…</c>). The buyer is written to in their account's <c>locale</c>, else the culture of
/// their checkout (<see cref="Order.Culture"/>).
/// </summary>
public sealed class OrderEmails(MarketplaceDbContext db, EmailOutbox outbox)
{
    /// <summary>Queues the receipt and the sale emails of <paramref name="order"/>, now Paid.</summary>
    public async Task QueuePaidAsync(Order order, CancellationToken cancellationToken)
    {
        var key = order.Id.ToString(CultureInfo.InvariantCulture);
        var shop = await ShopNameAsync(order, cancellationToken);
        if (await BuyerAsync(order, cancellationToken) is { } buyer)
            await outbox.QueueAsync(EmailKinds.OrderReceipt, key, buyer, Model(order, shop, (K.Amount, order.AmountMinor), (K.StripeUrl, order.ReceiptUrl)), cancellationToken);
        if (await outbox.CreatorAsync(order.CreatorProfileId, cancellationToken) is { } creator)
            await outbox.QueueAsync(EmailKinds.OrderSale, key, creator, Model(order, shop, (K.Amount, order.AmountMinor), (K.Net, order.CreatorNetMinor)), cancellationToken);
    }

    /// <summary>
    /// Queues, after Stripe's charge was applied to <paramref name="order"/>, a "refund issued" email for each of
    /// <paramref name="refunds"/> that is issued (<see cref="OrderRefundFacts.IsIssued"/>) and not mailed yet, and
    /// "dispute opened" when the dispute differs from <paramref name="disputeBefore"/> (<c>dp_…</c>).
    /// </summary>
    public async Task QueueAfterChargeAsync(Order order, IReadOnlyList<OrderRefundFacts> refunds, string? disputeBefore, CancellationToken cancellationToken)
    {
        var issued = refunds.Where(r => r.IsIssued).ToList();
        if (issued.Count > 0 && await BuyerAsync(order, cancellationToken) is { } buyer)
        {
            var shop = await ShopNameAsync(order, cancellationToken);
            foreach (var refund in issued)
                await outbox.QueueAsync(EmailKinds.RefundIssued, refund.RefundId, buyer, Model(order, shop, (K.Amount, refund.AmountMinor)), cancellationToken);
        }

        if (order.StripeDisputeId is { } disputeId && disputeId != disputeBefore && await outbox.CreatorAsync(order.CreatorProfileId, cancellationToken) is { } creator)
        {
            var shop = await ShopNameAsync(order, cancellationToken);
            await outbox.QueueAsync(EmailKinds.DisputeOpened, disputeId, creator, Model(order, shop, (K.Amount, order.DisputeAmountMinor ?? order.AmountMinor),
                (K.Reason, order.DisputeReason ?? "general"), (K.Date, order.DisputeEvidenceDueBy ?? order.UpdatedAt)), cancellationToken);
        }
    }

    private async Task<EmailRecipient?> BuyerAsync(Order order, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(order.BuyerEmail)) return null;
        var user = order.BuyerUserId is null ? null : await outbox.UserAsync(order.BuyerUserId, order.Culture, cancellationToken);
        return new EmailRecipient(order.BuyerEmail, user?.Culture ?? order.Culture ?? outbox.DefaultCulture);
    }

    private Task<string> ShopNameAsync(Order order, CancellationToken cancellationToken) =>
        db.CreatorProfiles.Where(c => c.Id == order.CreatorProfileId).Select(c => c.DisplayName).SingleAsync(cancellationToken);

    private static IReadOnlyDictionary<string, string> Model(Order order, string shop, params (string Key, object? Value)[] values) =>
        K.Of([(K.ListingTitle, order.ListingTitle), (K.ShopName, shop), (K.Currency, order.Currency), (K.Path, $"/orders/{order.PublicToken}"), .. values]);
}
