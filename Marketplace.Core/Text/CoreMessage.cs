using System.Globalization;
using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.Text;

/// <summary>
/// A sentence Core says to a person (a plan change, a refund refused, a rule an entity enforces), as a code with
/// arguments rather than words: <see cref="Template"/> is the English composite format (<c>You are now on {0} ({1}).</c>),
/// which is also the key the web app translates it by (its <c>SharedResource</c>, in the request's language), and
/// <see cref="Arguments"/> fill its <c>{0}</c>, <c>{1}</c>… An argument is a value shown as it is (a name someone typed,
/// a count, Stripe's own words), a <see cref="CoreWord"/> (fixed English words the web app translates too), a
/// <see cref="CoreMoney"/> (minor units, formatted in the reader's culture), a <see cref="CultureName"/> (an English and a
/// French name, such as a plan's) or a UTC <see cref="DateTime"/> (a day). <see cref="ToString"/> is the English sentence,
/// for logs and exceptions.
/// </summary>
public sealed record CoreMessage(string Template, IReadOnlyList<object> Arguments)
{
    /// <summary>The message <paramref name="template"/> with <paramref name="arguments"/> in its placeholders.</summary>
    public static CoreMessage Of(string template, params object[] arguments) => new(template, arguments);

    /// <summary>A message that is a plain sentence.</summary>
    public static implicit operator CoreMessage(string sentence) => new(sentence, []);

    /// <summary>The English sentence: words and names in English, money in <c>en</c>, days as <c>yyyy-MM-dd (UTC)</c>.</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments.Select(English)]);

    private static object English(object argument) => argument switch
    {
        CoreWord word => word.English,
        CoreMoney money => Money.Format(money.Minor, money.Currency, CultureInfo.GetCultureInfo("en")),
        CultureName name => name.English,
        DateTime day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (UTC)",
        _ => argument,
    };
}

/// <summary>Fixed English words inside a <see cref="CoreMessage"/> (<c>monthly</c>, <c>the end of the period</c>), translated by key like the sentence.</summary>
public sealed record CoreWord(string English);

/// <summary>
/// A Stripe code inside a <see cref="CoreMessage"/> (e.g. a refund's <c>failure_reason</c>), put in words of the reader's
/// language by the web app (its <c>StripeWords</c>); <paramref name="Kind"/> says which field of which Stripe object.
/// </summary>
public sealed record StripeCode(string Kind, string Code)
{
    /// <summary>Kind of a refund's <c>failure_reason</c> (https://docs.stripe.com/api/refunds/object).</summary>
    public const string RefundFailureReason = "refund.failure_reason";
}

/// <summary>An amount inside a <see cref="CoreMessage"/>: <paramref name="Minor"/> minor units of <paramref name="Currency"/> (ISO 4217, lower case).</summary>
public sealed record CoreMoney(long Minor, string Currency);

/// <summary>A name that has an English and (possibly empty) French form, such as a plan's <see cref="Plan.Name"/> and <see cref="Plan.NameFr"/>.</summary>
public sealed record CultureName(string English, string French)
{
    /// <summary>The French form for a French <paramref name="culture"/> when there is one, else the English.</summary>
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" && French.Length > 0 ? French : English;

    /// <summary>The plan's names; <paramref name="plan"/> null gives empty names.</summary>
    public static CultureName Of(Plan? plan) => new(plan?.Name ?? "", plan?.NameFr ?? "");
}

/// <summary>The <see cref="CoreWord"/>s Core uses in several messages.</summary>
public static class CoreWords
{
    /// <summary><c>monthly</c> or <c>yearly</c>.</summary>
    public static CoreWord Interval(PlanInterval interval) => new(interval == PlanInterval.Year ? "yearly" : "monthly");
}
