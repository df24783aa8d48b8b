using Marketplace.Core.Accounts;
using System.Globalization;
using System.Xml.Linq;
using Marketplace.Core.Emails;
using Marketplace.Core.Payouts;
using Marketplace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using K = Marketplace.Core.Emails.EmailModelKeys;

namespace Marketplace.Tests.Emails;

/// <summary>Every kind of email renders in English and French, every text translated, links absolute from <c>App:PublicBaseUrl</c>.</summary>
public sealed class EmailTemplatesTests(EmailTemplatesTests.PublicBaseUrlFactory app) : IClassFixture<EmailTemplatesTests.PublicBaseUrlFactory>
{
    private static readonly IReadOnlyDictionary<string, string> Model = K.Of(
        (K.Link, "https://market.example.com/Identity/Account/ResetPassword?code=abc"), (K.Path, "/orders/tok123"), (K.ShopName, "Atelier Lune"),
        (K.PlanName, "Silver"), (K.ListingTitle, "Poster"), (K.Amount, 500000L), (K.Net, 450000L), (K.Currency, "xaf"),
        (K.Date, new DateTime(2026, 12, 24, 0, 0, 0, DateTimeKind.Utc)), (K.StripeUrl, "https://invoice.stripe.com/i/1"), (K.Reason, "fraudulent"),
        (K.TierName, "Supporter"), (K.PostTitle, "Studio diary"), (K.OptOutPath, "/memberships/post-emails/off?token=abc"));

    public static TheoryData<string, string> KindsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in typeof(EmailKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!))
        foreach (var culture in UserCultures.Supported)
            data.Add(kind, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndCultures))]
    public async Task RenderAsync_EveryKindInEveryCulture_TranslatedWithAbsoluteLinks(string kind, string culture)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = new OutboxEmail(kind, "key", "creator@example.com", culture, Model, DateTime.UtcNow);

        var message = await scope.ServiceProvider.GetRequiredService<IEmailRenderer>().RenderAsync(email, CancellationToken.None);

        message.To.Should().Be("creator@example.com");
        message.Culture.Should().Be(culture);
        message.HtmlBody.Should().Contain($"<html lang=\"{culture}\">");
        message.TextBody.Should().StartWith(culture == "fr" ? "Bonjour," : "Hello,");
        BillingEmailTests.Links(message.TextBody).Should().NotBeEmpty()
            .And.OnlyContain(l => l.StartsWith("https://market.example.com/", StringComparison.Ordinal) || l.StartsWith("https://invoice.stripe.com/", StringComparison.Ordinal));
        if (kind is EmailKinds.OrderSale or EmailKinds.InvoicePaid or EmailKinds.PayoutFailed)
            message.TextBody.Should().Contain(culture == "fr" ? "500\u00A0000\u00A0FCFA" : "FCFA\u00A0500,000");
    }

    public static TheoryData<string, string> PayoutFailureCodesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in PayoutFailureCodes.Sentences.Keys)
        foreach (var culture in UserCultures.Supported)
            data.Add(code, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(PayoutFailureCodesAndCultures))]
    public async Task RenderAsync_PayoutFailedWithAStripeFailureCode_TheCodesSentenceInTheRecipientsLanguage(string code, string culture)
    {
        var english = PayoutFailureCodes.Sentences[code];
        var french = FrenchText("Emails/EmailTexts", english);

        var message = await RenderPayoutFailedAsync(culture, (K.FailureCode, code), (K.Reason, "Stripe's own words."));

        message.TextBody.Should().Contain(culture == "fr" ? french : english).And.NotContain("Stripe's own words.");
        if (culture == "fr") message.TextBody.Should().NotContain(english);
        FrenchText("Views/Shared/_PayoutFailureReason", english).Should().Be(french, "the pages say what the email says");
    }

    [Theory]
    [InlineData("en", "a_code_stripe_adds_later", "In Stripe's words: “The bank said no.”")]
    [InlineData("fr", "a_code_stripe_adds_later", "Selon Stripe (en anglais) : « The bank said no. »")]
    [InlineData("en", null, "In Stripe's words: “The bank said no.”")]
    [InlineData("fr", null, "Selon Stripe (en anglais) : « The bank said no. »")]
    public async Task RenderAsync_PayoutFailedWithACodeUnknownHere_StripesMessageMarkedAsStripes(string culture, string? code, string expected)
    {
        var message = await RenderPayoutFailedAsync(culture, (K.FailureCode, code), (K.Reason, "The bank said no."));

        message.TextBody.Should().Contain(expected);
    }

    [Theory]
    [InlineData("en", "The bank gave no reason.")]
    [InlineData("fr", "La banque n'a pas donné de motif.")]
    public async Task RenderAsync_PayoutFailedWithoutCodeOrMessage_SaysNoReason(string culture, string expected) =>
        (await RenderPayoutFailedAsync(culture)).TextBody.Should().Contain(expected);

    [Fact]
    public void Resources_EveryEnglishKeyHasAFrenchTextAndTheReverse()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Marketplace.Web", "Resources");
        var english = Directory.GetFiles(root, "*.en.resx", SearchOption.AllDirectories);

        english.Should().NotBeEmpty();
        foreach (var file in english)
        {
            var french = file[..^".en.resx".Length] + ".fr.resx";
            File.Exists(french).Should().BeTrue(french);
            Keys(french).Should().BeEquivalentTo(Keys(file), file);
        }
    }

    /// <summary>The app with <c>App:PublicBaseUrl</c> set, shared by the rendering cases.</summary>
    public sealed class PublicBaseUrlFactory : MarketplaceFactory
    {
        public PublicBaseUrlFactory() => Settings = new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://market.example.com" };
    }

    private async Task<EmailMessage> RenderPayoutFailedAsync(string culture, params (string Key, object? Value)[] failure)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = K.Of([(K.Amount, 1000L), (K.Currency, "eur"), .. failure]);
        return await scope.ServiceProvider.GetRequiredService<IEmailRenderer>()
            .RenderAsync(new OutboxEmail(EmailKinds.PayoutFailed, "po_1", "creator@example.com", culture, model, DateTime.UtcNow), CancellationToken.None);
    }

    /// <summary>The French value of <paramref name="key"/> in <c>Marketplace.Web/Resources/{resource}.fr.resx</c>.</summary>
    private static string FrenchText(string resource, string key)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Marketplace.Web", "Resources", resource + ".fr.resx");
        var value = XDocument.Load(file).Root!.Elements("data").SingleOrDefault(d => (string)d.Attribute("name")! == key)?.Element("value")?.Value;
        value.Should().NotBeNullOrEmpty($"{resource}.fr.resx translates '{key}'");
        value.Should().NotBe(key);
        return value!;
    }

    private static IEnumerable<string> Keys(string resx) => XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);
}
