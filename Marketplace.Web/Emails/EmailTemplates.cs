using System.Globalization;
using Marketplace.Core.Emails;
using Marketplace.Core.Plans;
using Microsoft.Extensions.Localization;
using K = Marketplace.Core.Emails.EmailModelKeys;
using Marketplace.Core.Amounts;

namespace Marketplace.Web.Emails;

/// <summary>
/// What each kind of email says (<see cref="EmailKinds"/>), from its model, in a culture. Every text is a key of
/// <c>Resources/Emails/EmailTexts</c> (the English text); a key missing from the culture's resources throws, so a test
/// rendering every kind in every culture catches it. Amounts are written as the pages write them (<c>9,00 €</c>, <c>€9.00</c>);
/// dates in the culture's long date format.
/// </summary>
public sealed partial class EmailTemplates(IStringLocalizer<EmailTexts> localizer, EmailLinks links)
{
    /// <summary>The content and shared words of an email of <paramref name="kind"/> in <paramref name="culture"/>.</summary>
    /// <exception cref="InvalidOperationException">The kind has no template, or a text has no translation.</exception>
    public (EmailContent Content, EmailChrome Chrome) Build(string kind, IReadOnlyDictionary<string, string> model, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var m = new Model(model, culture);
            var content = kind switch
            {
                EmailKinds.ConfirmEmail => ConfirmEmail(m),
                EmailKinds.ResetPassword => ResetPassword(m),
                EmailKinds.CreatorWelcome => CreatorWelcome(m),
                EmailKinds.SubscriptionStarted => SubscriptionStarted(m),
                EmailKinds.InvoicePaid => InvoicePaid(m),
                EmailKinds.InvoicePaymentFailed => InvoicePaymentFailed(m),
                EmailKinds.TrialWillEnd => TrialWillEnd(m),
                EmailKinds.SubscriptionEnded => SubscriptionEnded(m),
                EmailKinds.OrderReceipt => OrderReceipt(m),
                EmailKinds.OrderSale => OrderSale(m),
                EmailKinds.RefundIssued => RefundIssued(m),
                EmailKinds.DisputeOpened => DisputeOpened(m),
                EmailKinds.PayoutFailed => PayoutFailed(m),
                EmailKinds.OrdersLink => OrdersLink(m),
                EmailKinds.SignInGuessing => SignInGuessing(m),
                EmailKinds.RegistrationAttempt => RegistrationAttempt(m),
                EmailKinds.MembershipEndedCreatorLeft => MembershipEndedCreatorLeft(m),
                EmailKinds.MembershipPost => MembershipPost(m),
                _ => throw new InvalidOperationException($"No email template for kind '{kind}'."),
            };
            var chrome = new EmailChrome(culture.TwoLetterISOLanguageName, T("Hello,"), T("— The Marketplace team"),
                T("You receive this email because of your account on Marketplace."), T("If the button does not work, copy this link into your browser:"));
            return (content, chrome);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private EmailContent ConfirmEmail(Model m) => new(T("Confirm your email address"),
        [T("Please confirm your email address to finish setting up your Marketplace account."), T("If you did not create an account, you can ignore this email.")],
        new(T("Confirm my email"), m[K.Link]), []);

    private EmailContent ResetPassword(Model m) => new(T("Reset your password"),
        [T("Someone asked to reset the password of your Marketplace account. Choose a new password with the button below."),
            T("If you did not ask for this, ignore this email: your password stays the same.")],
        new(T("Choose a new password"), m[K.Link]), []);

    private EmailContent CreatorWelcome(Model m) => new(T("Welcome to Marketplace, {0}", m[K.ShopName]),
        [T("Your shop {0} is ready.", m[K.ShopName]), T("To sell, set up payments with Stripe, then add your first listing.")],
        new(T("Set up payments"), links.For("/creator/connect")), []);

    /// <summary>A text of the resources in the current UI culture, formatted with the culture.</summary>
    /// <exception cref="InvalidOperationException">The key has no text in that culture.</exception>
    private string T(string key, params object[] arguments)
    {
        var text = localizer[key];
        if (text.ResourceNotFound)
            throw new InvalidOperationException($"Email text '{key}' is missing from the {CultureInfo.CurrentUICulture.Name} resources.");
        return arguments.Length == 0 ? text.Value : string.Format(CultureInfo.CurrentCulture, text.Value, arguments);
    }

    /// <summary>An outbox model read in a culture.</summary>
    private sealed class Model(IReadOnlyDictionary<string, string> values, CultureInfo culture)
    {
        /// <exception cref="InvalidOperationException">The model lacks <paramref name="key"/>.</exception>
        public string this[string key] => values.TryGetValue(key, out var value) ? value
            : throw new InvalidOperationException($"The email model has no '{key}'.");

        public string? Optional(string key) => values.GetValueOrDefault(key);

        /// <summary>The amount as the pages write it (<see cref="Core.Amounts.Money.Format(long, string, CultureInfo)"/>):
        /// <c>9,00 €</c> in French, <c>€9.00</c> in English, <c>5 000 FCFA</c>.</summary>
        public string Money(string amountKey = K.Amount) =>
            Core.Amounts.Money.Format(long.Parse(this[amountKey], CultureInfo.InvariantCulture), this[K.Currency], culture);

        /// <summary>The date of <see cref="K.Date"/> in the culture's long format.</summary>
        public string Date() => DateTime.Parse(this[K.Date], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToString("D", culture);
    }
}
