using System.Net;
using Marketplace.Core.Emails;
using Marketplace.StripeEmulator.Control;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Marketplace.Tests.Emails;

/// <summary>What every end-to-end email test checks: the language of both parts, absolute links that work, one email per fact.</summary>
public static class EmailAssertions
{
    /// <summary>Makes the emulator deliver every webhook twice (same event id, as Stripe's retries do) from now on.</summary>
    public static void DeliverEveryWebhookTwice(this MailMarketplaceFactory app) =>
        app.Emulator.SetWebhookChaos(app.ApiKey, new WebhookChaos { Duplicate = true });

    /// <summary>
    /// Asserts that <paramref name="message"/> is written in <paramref name="culture"/> (<c>en</c>/<c>fr</c>: greeting of the
    /// text part, <c>lang</c> of the HTML part), that its text part's links are absolute and that each link to the app
    /// answers 200 when <paramref name="client"/> GETs it; returns the links to the app.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ShouldBeInWithWorkingLinksAsync(this MimeMessage message, MailMarketplaceFactory app, string culture, HttpClient client)
    {
        message.TextBody.Should().StartWith(culture == "fr" ? "Bonjour," : "Hello,");
        WebUtility.HtmlDecode(message.HtmlBody).Should().Contain($"<html lang=\"{culture}\">");
        var links = BillingEmailTests.Links(message.TextBody!);
        links.Should().OnlyContain(l => Uri.IsWellFormedUriString(l, UriKind.Absolute));
        var toApp = links.Where(l => l.StartsWith(app.AppUrl.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal)).ToList();
        toApp.Should().NotBeEmpty("the email links to the app");
        foreach (var link in toApp)
        {
            var response = await client.GetAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{link} works");
            WebUtility.HtmlDecode(message.HtmlBody).Should().Contain($"href=\"{link}\"", "the HTML part has the same link");
        }

        return toApp;
    }

    /// <summary>
    /// Once the emulator has delivered everything, each delivery of <paramref name="eventType"/> twice, the app settled its
    /// inbox and sent its outbox: asserts that <paramref name="to"/> received exactly one email of <paramref name="subject"/>.
    /// </summary>
    public static async Task ShouldHaveReceivedOnceAsync(this MailMarketplaceFactory app, string to, string? subject, string eventType)
    {
        await app.QuiesceAsync();
        await app.EventuallyAsync(db => db.OutboxEmails.CountAsync(e => e.Status == OutboxEmailStatus.Pending), n => n == 0, because: "the outbox is sent");
        var deliveries = app.Emulator.GetDeliveries(app.ApiKey).Where(d => d.EventType == eventType && d.Outcome == "succeeded").GroupBy(d => d.EventId).ToList();
        deliveries.Should().NotBeEmpty($"the emulator delivered {eventType}").And.OnlyContain(g => g.Count() >= 2, $"each {eventType} was delivered twice");
        app.Smtp.CountTo(to, subject).Should().Be(1, $"one \"{subject}\" to {to}");
    }
}
