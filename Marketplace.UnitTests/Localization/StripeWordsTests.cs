using System.Globalization;
using Marketplace.Web.Localization;

namespace Marketplace.UnitTests.Localization;

/// <summary>Every Stripe code <see cref="StripeWords"/> knows, in English and French, and what it does with a code it does not know.</summary>
public sealed class StripeWordsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Each (kind, code) pair of <see cref="StripeWords.Codes"/>.</summary>
    public static TheoryData<string, string> EveryCode()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, codes) in StripeWords.Codes)
            foreach (var code in codes) data.Add(kind, code);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Say_KnownCode_WordsInEachCultureAndFrenchDiffers(string kind, string code)
    {
        var english = StripeWords.Say(kind, code, English);
        var french = StripeWords.Say(kind, code, French);

        english.Should().NotBeNullOrWhiteSpace().And.NotBe(code, "the reader gets words, not Stripe's code");
        french.Should().NotBeNullOrWhiteSpace().And.NotBe(code);
        french.Should().NotBe(english, $"{kind}.{code} is translated");
        english.Should().NotContain("_");
        french.Should().NotContain("_");
    }

    [Fact]
    public void Codes_AsStripeListsThem()
    {
        StripeWords.Codes.Keys.Should().BeEquivalentTo(
            [StripeWords.PayoutStatusKind, StripeWords.RefundFailureReasonKind, StripeWords.DisputeStatusKind, StripeWords.DisputeReasonKind, StripeWords.SubscriptionStatusKind]);
        StripeWords.Codes[StripeWords.DisputeReasonKind].Should().HaveCount(15);
        StripeWords.Codes[StripeWords.DisputeStatusKind].Should().HaveCount(8);
        StripeWords.Codes[StripeWords.RefundFailureReasonKind].Should().HaveCount(7);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")] // a culture without resources: Stripe's code, no exception
    public void Say_CodeUnknownHere_StripesCode(string culture)
    {
        var inCulture = CultureInfo.GetCultureInfo(culture);

        StripeWords.Say(StripeWords.DisputeReasonKind, "some_new_reason", inCulture).Should().Be("some_new_reason");
        StripeWords.Say("charge.outcome", "fraudulent", inCulture).Should().Be("fraudulent", "an unknown kind falls back too");
        StripeWords.Say(StripeWords.DisputeReasonKind, null, inCulture).Should().Be("—", "never a blank");
        StripeWords.Say(StripeWords.DisputeReasonKind, "", inCulture).Should().Be("—");
    }

    [Fact]
    public void Say_NoCulture_TheCurrentUiCulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = French;
        try
        {
            StripeWords.DisputeReason("fraudulent").Should().Be("l’acheteur dit ne pas avoir fait ce paiement");
            StripeWords.PayoutStatus("in_transit").Should().Be("En route vers votre banque");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void WithCode_KnownAndUnknown_WordsThenTheCodeEncoded()
    {
        Html(StripeWords.WithCode(StripeWords.SubscriptionStatusKind, "past_due", English)).Should().Be("Past due <code>past_due</code>");
        Html(StripeWords.WithCode(StripeWords.DisputeReasonKind, "<new>", English)).Should().Be("<code>&lt;new&gt;</code>");
        Html(StripeWords.WithCode(StripeWords.DisputeReasonKind, null, English)).Should().Be("—");
    }

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
