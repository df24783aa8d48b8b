using Marketplace.Core.Emails;
using Marketplace.Core.Payouts;
using K = Marketplace.Core.Emails.EmailModelKeys;

namespace Marketplace.Web.Emails;

/// <summary>The buyers' and the after-sale emails.</summary>
public sealed partial class EmailTemplates
{
    private EmailContent OrderReceipt(Model m) => new(T("Your receipt for {0}", m[K.ListingTitle]),
        [T("Thank you for buying {0} from {1}.", m[K.ListingTitle], m[K.ShopName]), T("Amount paid: {0}", m.Money()),
            T("Your order page has what the creator delivers. Keep this email: the link is your key to it.")],
        new(T("Open my order"), links.For(m[K.Path])),
        m.Optional(K.StripeUrl) is { } receipt ? [new(T("Stripe's receipt"), receipt)] : []);

    private EmailContent OrdersLink(Model m) => new(T("Your orders on Marketplace"),
        [T("Someone asked for the orders paid with this email address. The button opens the list of your orders, with their links and downloads."),
            T("The link works once, for {0} minutes. Open each order from the list and keep its page: its link is your key to it.", m.Optional(K.Minutes) ?? "30"),
            T("If you did not ask for this, you can ignore this email.")],
        new(T("See my orders"), links.For(m[K.Path])), []);

    private EmailContent OrderSale(Model m) => new(T("You made a sale: {0}", m[K.ListingTitle]),
        [T("{0} was bought for {1}. After the platform's fee you receive {2}.", m[K.ListingTitle], m.Money(), m.Money(K.Net))],
        new(T("See my sales"), links.For("/creator/sales")), []);

    private EmailContent RefundIssued(Model m) => new(T("Refund of {0} for {1}", m.Money(), m[K.ListingTitle]),
        [T("{0} of your purchase of {1} from {2} has been refunded to your card. It can take 5 to 10 days to show on your statement.",
            m.Money(), m[K.ListingTitle], m[K.ShopName])],
        new(T("Open my order"), links.For(m[K.Path])), []);

    private EmailContent DisputeOpened(Model m) => new(T("A buyer disputed a payment of {0}", m.Money()),
        [T("The buyer of {0} disputed the payment with their bank (reason: {1}). Answer with evidence before {2} (UTC).",
            m[K.ListingTitle], Localization.StripeWords.DisputeReason(m.Optional(K.Reason)), m.Date())],
        new(T("See my sales"), links.For("/creator/sales")), []);

    private EmailContent PayoutFailed(Model m) => new(T("Stripe could not pay out {0} to your bank", m.Money()),
        [T("The payout of {0} to your bank failed.", m.Money()), PayoutFailureReason(m), T("Update your bank details in your Stripe dashboard.")],
        new(T("See my payouts"), links.For("/creator/sales")), []);

    /// <summary>
    /// Why a payout failed, in the recipient's language: the sentence of Stripe's <c>failure_code</c>
    /// (<see cref="PayoutFailureCodes"/>), else Stripe's <c>failure_message</c> marked as Stripe's words, else "no reason".
    /// </summary>
    private string PayoutFailureReason(Model m) =>
        PayoutFailureCodes.SentenceOf(m.Optional(K.FailureCode)) is { } sentence ? T(sentence)
        : m.Optional(K.Reason) is { Length: > 0 } stripeWords ? T("In Stripe's words: “{0}”", stripeWords)
        : T("The bank gave no reason.");
}
