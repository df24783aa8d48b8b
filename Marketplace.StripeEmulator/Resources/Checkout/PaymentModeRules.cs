using System.Globalization;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.Resources.PaymentIntents;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Checkout;

/// <summary>
/// Stripe's checks on a Checkout Session before it is stored (https://docs.stripe.com/api/checkout/sessions/create):
/// <c>expires_at</c> 30 minutes to 24 hours ahead; in payment mode the total at least the currency's minimum
/// (<c>amount_too_small</c>) and at most 8 digits (<c>amount_too_large</c>), <c>application_fee_amount</c> lower than the
/// total and only with a destination (or on a connected account), and the destination an existing connected account whose
/// <c>transfers</c> capability is active (<c>insufficient_capabilities_for_transfer</c>) and, without <c>on_behalf_of</c>,
/// in the platform's region (https://docs.stripe.com/connect/destination-charges). Amounts in minor units (whole units for zero-decimal currencies).
/// </summary>
internal static class PaymentModeRules
{
    /// <summary>
    /// The time a Checkout Session's <c>expires_at</c> is measured against, Unix seconds: the key's test clock, or real
    /// time with <see cref="StripeEmulatorOptions.CheckoutExpiryInRealTime"/> (at Stripe a buyer's session is on no test
    /// clock, so moving a test clock never expires it nor refuses its <c>expires_at</c>).
    /// </summary>
    public static long ExpiryNow(OperationContext ctx) =>
        ctx.Emulator.Options.CheckoutExpiryInRealTime ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : ctx.Now;

    private const string Fee = "payment_intent_data[application_fee_amount]";
    private const string Destination = "payment_intent_data[transfer_data][destination]";

    /// <summary>Checkout's <c>locale</c> values (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale).</summary>
    public static readonly string[] Locales =
    [
        "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id",
        "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi",
        "zh", "zh-HK", "zh-TW",
    ];

    /// <summary>Reads <c>payment_intent_data[…]</c> (all of it, so nothing is left for <c>parameter_unknown</c>).</summary>
    public static PaymentIntentData Read(StripeParams? p)
    {
        if (p is null) return new PaymentIntentData(null, null, null, null, null, null, null, null, null);
        var metadata = p.Map("metadata", out _);
        var fee = p.Long("application_fee_amount");
        var transferData = p.Obj("transfer_data");
        var destination = transferData?.Str("destination");
        if (transferData is not null && destination is null) throw StripeApiException.Missing(Destination);
        return new PaymentIntentData(fee, destination, p.Str("on_behalf_of"), metadata, p.Str("description"), p.Str("receipt_email"),
            p.Str("statement_descriptor"), p.Str("statement_descriptor_suffix"), p.Str("transfer_group"));
    }

    public static void CheckExpiry(long expiresAt, long now)
    {
        if (expiresAt < now + 1800)
            throw StripeApiException.Invalid("expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
        if (expiresAt > now + 86_400)
            throw StripeApiException.Invalid("expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
    }

    /// <summary><c>price_data[currency]</c> as sent (validated later, when the price is created).</summary>
    public static string? RawCurrency(StripeParams priceData) => priceData.Node.Child("currency")?.Value?.ToLowerInvariant();

    /// <summary><c>price_data[unit_amount]</c> (or <c>unit_amount_decimal</c>) as sent; 0 when missing or malformed (reported later).</summary>
    public static long RawUnitAmount(StripeParams priceData)
    {
        var raw = priceData.Node.Child("unit_amount")?.Value ?? priceData.Node.Child("unit_amount_decimal")?.Value;
        return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? (long)Math.Round(value) : 0;
    }

    /// <summary>Payment-mode checks on the session's total (<paramref name="total"/>, minor units) and its payment_intent_data.</summary>
    public static void Check(OperationContext ctx, PaymentIntentData data, string? currency, long total)
    {
        if (currency is not null && total < Currencies.Minimum(currency))
            throw StripeApiException.BadRequest(
                $"The Checkout Session's total amount due must add up to at least {Currencies.Format(Currencies.Minimum(currency), currency)}.",
                "line_items", "amount_too_small");
        if (currency is not null && total > Currencies.MaximumAmount)
            throw StripeApiException.BadRequest(
                $"The Checkout Session's total amount due must be no more than {Currencies.Format(Currencies.MaximumAmount, currency)}.",
                "line_items", "amount_too_large");
        if (data.ApplicationFeeAmount is long fee)
        {
            if (fee < 0) throw StripeApiException.Invalid(Fee, "This value must be greater than or equal to 0.");
            if (fee >= total)
                throw StripeApiException.Invalid(Fee, "The `application_fee_amount` must be less than the total amount of the Checkout Session.");
            if (data.Destination is null && ctx.Account is null)
                throw StripeApiException.Invalid(Fee,
                    "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).");
        }
        if (data.Destination is not null)
        {
            var account = ConnectedAccount(ctx, data.Destination, "destination", Destination);
            if (account.Json["capabilities"]?["transfers"]?.GetValue<string>() != "active")
                throw StripeApiException.BadRequest(
                    "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                    Destination, "insufficient_capabilities_for_transfer");
            var country = account.Json["country"]?.GetValue<string>() ?? ctx.Emulator.Options.PlatformCountry;
            if (data.OnBehalfOf is null && !ConnectRegions.SameRegion(ctx.Emulator.Options.PlatformCountry, country))
                throw StripeApiException.BadRequest(
                    $"Cannot create a destination charge for connected accounts in {country} because funds would be settled on the platform and the connected account is outside the platform's region. You may use the `on_behalf_of` parameter to have the charge settle in the connected account's country.",
                    Destination, null);
        }
        if (data.OnBehalfOf is not null) ConnectedAccount(ctx, data.OnBehalfOf, "account", "payment_intent_data[on_behalf_of]");
    }

    private static Resource ConnectedAccount(OperationContext ctx, string id, string what, string param)
    {
        var account = ctx.State.Find(id);
        if (account is null || account.ObjectType != AccountStates.ObjectType || account.Internal.ContainsKey("deauthorized"))
            throw StripeApiException.BadRequest($"No such {what}: '{id}'", param, "resource_missing");
        return account;
    }
}
