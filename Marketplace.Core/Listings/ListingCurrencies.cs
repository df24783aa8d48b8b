using Marketplace.Core.Connect;

namespace Marketplace.Core.Listings;

/// <summary>
/// The currencies the listing form offers a creator: those Stripe settles for their Connect account's country
/// (<see cref="ConnectCountries.SettlementCurrencies"/>; https://docs.stripe.com/payouts#supported-accounts-and-settlement-currencies),
/// with the account's <c>default_currency</c> first and preselected for a new listing. Lower-case ISO 4217 codes.
/// A listing priced earlier in another currency keeps it: that currency is offered too, so it stays valid and editable.
/// </summary>
public static class ListingCurrencies
{
    /// <summary>
    /// The currency a new listing gets: the account's <c>default_currency</c>, else its country's, else the default
    /// currency of the platform's country <paramref name="platformCountry"/> (a creator not onboarded yet), else EUR.
    /// </summary>
    public static string DefaultFor(CreatorStripeAccount? account, string platformCountry) =>
        account?.DefaultCurrency
        ?? ConnectCountries.Find(account?.Country)?.DefaultCurrency
        ?? ConnectCountries.Find(platformCountry)?.DefaultCurrency
        ?? "eur";

    /// <summary>
    /// The choices of the form's currency list: <see cref="DefaultFor"/> first, then the other currencies Stripe settles
    /// in the account's country (or the platform's), then <paramref name="current"/> (the listing's or the posted one)
    /// when it is none of them.
    /// </summary>
    public static IReadOnlyList<string> Choices(CreatorStripeAccount? account, string platformCountry, string? current)
    {
        var preferred = DefaultFor(account, platformCountry);
        var country = account?.Country ?? platformCountry;
        var choices = new List<string> { preferred };
        choices.AddRange(ConnectCountries.SettlementCurrencies(country, preferred).Where(c => c != preferred));
        var posted = current?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(posted) && !choices.Contains(posted)) choices.Add(posted);
        return choices;
    }
}
