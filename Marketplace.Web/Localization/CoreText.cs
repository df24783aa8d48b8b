using System.Globalization;
using Marketplace.Core.Connect;
using Marketplace.Core.Plans;
using Marketplace.Core.Text;
using Microsoft.Extensions.Localization;
using Marketplace.Core.Amounts;

namespace Marketplace.Web.Localization;

/// <summary>
/// Core's fixed English texts (the payment guard's conditions, Stripe's requirement words) in the page's language, through
/// <see cref="SharedResource"/> where they are keys. A requirement field Stripe added and we have no words for stays as
/// Stripe names it.
/// </summary>
public static class CoreText
{
    /// <summary>The condition's title in the page's language.</summary>
    public static string Title(this IStringLocalizer<SharedResource> text, PaymentEligibilityCondition condition) => text[condition.Title];

    /// <summary>The condition's message in the page's language, its value (a count, or words) put in.</summary>
    public static string Message(this IStringLocalizer<SharedResource> text, PaymentEligibilityCondition condition) =>
        condition.MessageArgument switch
        {
            null => text[condition.MessageTemplate],
            string words => text[condition.MessageTemplate, text.Words(words)],
            var value => text[condition.MessageTemplate, value],
        };

    /// <summary>What to do about the condition in the page's language; null when it is met.</summary>
    public static string? WhatToDo(this IStringLocalizer<SharedResource> text, PaymentEligibilityCondition condition) =>
        condition.WhatToDo is { } todo ? text[todo].Value : null;

    /// <summary>Words of <see cref="StripeRequirementWords"/> (or a creator status word) in the page's language; anything else unchanged.</summary>
    public static string Words(this IStringLocalizer<SharedResource> text, string words) =>
        StripeRequirementWords.Words.Contains(words) || StatusWords.Contains(words) ? text[words] : words;

    /// <summary>
    /// A <see cref="CoreMessage"/> in the page's language: its template is the key of <see cref="SharedResource"/>, each
    /// <see cref="CoreWord"/> a key too, money formatted by <see cref="Money.Format(long, string)"/>, a plan's name in the
    /// page's language, a UTC day as <see cref="Formats.Day"/> followed by <c>(UTC)</c>, a <see cref="StripeCode"/> by <see cref="StripeWords"/>, a nested <see cref="CoreMessage"/> said the same way; other values as they are.
    /// </summary>
    public static string Say(this IStringLocalizer<SharedResource> text, CoreMessage message) =>
        message.Arguments.Count == 0 ? text[message.Template].Value : text[message.Template, [.. message.Arguments.Select(a => Argument(text, a))]].Value;

    /// <summary><see cref="Say(IStringLocalizer{SharedResource}, CoreMessage)"/> of a message that may be absent; null then.</summary>
    public static string? SayOrNull(this IStringLocalizer<SharedResource> text, CoreMessage? message) => message is null ? null : text.Say(message);

    private static object Argument(IStringLocalizer<SharedResource> text, object argument) => argument switch
    {
        CoreWord word => text[word.English].Value,
        CoreMessage inner => text.Say(inner),
        CoreMoney money => Money.Format(money.Minor, money.Currency),
        StripeCode code => StripeWords.Say(code.Kind, code.Code),
        CultureName name => name.In(CultureInfo.CurrentUICulture),
        DateTime day => Formats.Day(day) + " (UTC)",
        _ => argument,
    };

    private static readonly HashSet<string> StatusWords = ["pending", "active", "suspended", "banned", "deactivated"];
}
