using Marketplace.Core.Emails;
using K = Marketplace.Core.Emails.EmailModelKeys;

namespace Marketplace.Web.Emails;

/// <summary>The creators' subscription emails.</summary>
public sealed partial class EmailTemplates
{
    private EmailContent SubscriptionStarted(Model m) => new(T("Your {0} plan has started", m[K.PlanName]),
        [T("Thank you: your shop is now on the {0} plan.", m[K.PlanName])],
        new(T("See my plan"), links.For("/creator/subscription")), []);

    private EmailContent InvoicePaid(Model m) => new(T("Payment received: {0}", m.Money()),
        [T("We received your payment of {0} for your Marketplace plan.", m.Money())],
        m.Optional(K.StripeUrl) is { } invoice ? new(T("View the invoice"), invoice) : null,
        [new(T("See my plan"), links.For("/creator/subscription"))]);

    private EmailContent InvoicePaymentFailed(Model m) => new(T("Your payment of {0} failed", m.Money()),
        [T("We could not charge {0} for your Marketplace plan. Update your payment method to keep your plan.", m.Money())],
        new(T("Update my payment method"), links.For("/creator/subscription/portal")), []);

    private EmailContent TrialWillEnd(Model m) => new(T("Your trial ends on {0}", m.Date()),
        [T("Your free trial of the {0} plan ends on {1}. Your card will then be charged, unless you cancel before.", m[K.PlanName], m.Date())],
        new(T("Manage my subscription"), links.For("/creator/subscription")), []);

    private EmailContent SubscriptionEnded(Model m) => new(T("Your subscription has ended"),
        [T("Your paid plan has ended and your shop is back on the Free plan. You can choose a plan again at any time.")],
        new(T("Choose a plan"), links.For("/creator/subscription/upgrade")), []);
}
