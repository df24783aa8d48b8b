using System.Net;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Localization;

/// <summary>
/// The footer's language switch (<c>POST /culture</c>): the culture cookie round-trips for a visitor; for a signed-in
/// user the choice is also their <c>locale</c> claim, restored into the cookie at their next sign-in on another browser.
/// </summary>
public sealed class CultureSwitchTests(LocalizationFactory app) : IClassFixture<LocalizationFactory>
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task Switch_VisitorToFrenchAndBack_PagesMoneyAndLangFollow()
    {
        using var visitor = BrowserSession.For(app);
        var english = await visitor.Client.GetStringAsync("/pricing");
        english.Should().Contain("<html lang=\"en\">").And.Contain("Plans for creators").And.Contain("€9.00").And.Contain("/ month");

        var toFrench = await SwitchAsync(visitor, "fr", "/pricing?x=1");

        toFrench.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toFrench.Headers.Location!.OriginalString.Should().Be("/pricing?x=1");
        toFrench.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr", StringComparison.Ordinal));
        var french = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync("/pricing"));
        french.Should().Contain("<html lang=\"fr\">").And.Contain("Les offres pour les créateurs").And.Contain($"9,00{Nbsp}€")
            .And.Contain("/ mois").And.Contain("Argent").And.Contain("de commission sur chaque vente").And.NotContain("€9.00");

        (await SwitchAsync(visitor, "en", "/pricing")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await visitor.Client.GetStringAsync("/pricing")).Should().Contain("<html lang=\"en\">").And.Contain("€9.00").And.Contain("Silver");
    }

    [Fact]
    public async Task Switch_CookieBeatsAcceptLanguage_AndAcceptLanguageBeatsTheDefault()
    {
        using var visitor = BrowserSession.For(app);
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE, en;q=0.5");
        (await visitor.Client.GetStringAsync("/")).Should().Contain("<html lang=\"fr\">").And.Contain("Vendez ce que vous créez.");

        await SwitchAsync(visitor, "en", "/");

        (await visitor.Client.GetStringAsync("/")).Should().Contain("<html lang=\"en\">").And.Contain("Sell what you create.");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("")]
    public async Task Switch_ReturnUrlNotLocal_GoesHome(string returnUrl)
    {
        using var visitor = BrowserSession.For(app);

        var response = await SwitchAsync(visitor, "fr", returnUrl);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr-FR")]
    [InlineData("<script>")]
    public async Task Switch_CultureTheAppDoesNotSpeak_400AndNoCookie(string culture)
    {
        using var visitor = BrowserSession.For(app);

        var response = await SwitchAsync(visitor, culture, "/");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Switch_SignedIn_StoresTheLocaleClaim_RestoredAtTheNextSignInElsewhere()
    {
        var email = $"locale{Guid.NewGuid():N}@example.com";
        using (var first = BrowserSession.For(app))
        {
            (await first.RegisterCreatorAsync(email, "Boutique")).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await SwitchAsync(first, "fr", "/creator/subscription")).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await first.Client.GetStringAsync("/creator/subscription")).Should().Contain("<html lang=\"fr\">").And.Contain("Mon abonnement");
        }

        (await LocaleClaimsAsync(email)).Should().Equal("fr");

        using var second = BrowserSession.For(app); // another browser: no culture cookie
        var signIn = await second.LoginAsync(email, "Creator#12345");
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr", StringComparison.Ordinal));
        (await second.Client.GetStringAsync("/creator/subscription")).Should().Contain("<html lang=\"fr\">").And.Contain("Mon abonnement");

        await SwitchAsync(second, "en", "/");
        (await LocaleClaimsAsync(email)).Should().Equal(["en"], "the choice replaces the claim, never adds a second one");
    }

    private Task<List<string>> LocaleClaimsAsync(string email) =>
        app.WithDbAsync(db => db.Set<IdentityUserClaim<string>>()
            .Where(c => c.ClaimType == "locale" && db.Users.Any(u => u.Id == c.UserId && u.Email == email)).Select(c => c.ClaimValue!).ToListAsync());

    [Fact]
    public async Task Switch_SignedInWithoutAntiforgeryToken_400AndClaimUnchanged()
    {
        var email = $"csrf{Guid.NewGuid():N}@example.com";
        using var creator = BrowserSession.For(app);
        (await creator.RegisterCreatorAsync(email, "Boutique")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var forged = await creator.Client.PostAsync("/culture",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/" }));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a signed-in user's switch writes to their account");
        (await LocaleClaimsAsync(email)).Should().BeEmpty();
    }

    // The switch as the footer posts it: a visitor's form carries no antiforgery token (it only sets a cookie in their
    // own browser, and a token would keep / and /pricing out of the output cache); a signed-in user's does.
    private static async Task<HttpResponseMessage> SwitchAsync(BrowserSession session, string culture, string returnUrl)
    {
        var fields = new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = returnUrl };
        var home = await session.Client.GetStringAsync("/");
        home.Should().Contain("action=\"/culture\"", "every page carries the language switch");
        return home.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal)
            ? await session.SubmitFormAsync("/", fields, "/culture")
            : await session.Client.PostAsync("/culture", new FormUrlEncodedContent(fields));
    }
}
