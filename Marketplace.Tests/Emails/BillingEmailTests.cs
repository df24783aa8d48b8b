using System.Net;
using Hangfire;
using Hangfire.States;
using Marketplace.Core.Emails;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Tests.Emails;

/// <summary>
/// The billing emails through the whole app: Stripe's events (the emulator's, or delivered by the test) → webhook job →
/// outbox row in the same save → Hangfire send job → a real SMTP server, parsed with MimeKit.
/// </summary>
public sealed class BillingEmailTests
{
    [Fact]
    public async Task RenewalFailsOnTheEmulatorClock_FrenchCreator_OnePaymentFailedEmailInFrenchWithAWorkingPortalLink()
    {
        await using var app = new MailMarketplaceFactory();
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Bronze, card: "4000000000000341");
        using var _ = browser;
        await app.SetCreatorLocaleAsync(creatorId, "fr");
        var email = await app.CreatorEmailAsync(creatorId);

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        var message = await app.Smtp.WaitForAsync(email, m => (m.Subject ?? "").StartsWith("Votre paiement", StringComparison.Ordinal));
        var portalLink = Links(message.TextBody!).Single(l => l.EndsWith("/creator/subscription/portal", StringComparison.Ordinal));
        var portal = await browser.Client.GetAsync(portalLink);

        message.Subject.Should().Be("Votre paiement de 9,00\u00A0€ a échoué");
        message.TextBody!.Should().StartWith("Bonjour,").And.Contain("Nous n'avons pas pu prélever 9,00\u00A0€ pour votre offre Marketplace.");
        WebUtility.HtmlDecode(message.HtmlBody).Should().Contain("<html lang=\"fr\">").And.Contain($"href=\"{portalLink}\"").And.Contain("Mettre à jour mon moyen de paiement");
        new Uri(portalLink).GetLeftPart(UriPartial.Authority).Should().Be(app.AppUrl.GetLeftPart(UriPartial.Authority), "links are absolute, to the app");
        portal.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        portal.Headers.Location!.ToString().Should().StartWith(app.Emulator.BaseUrl.ToString()).And.Contain("/p/session/bps_");
        app.Smtp.To(email).Count(m => (m.Subject ?? "").StartsWith("Votre paiement", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task EmulatorClockThreeDaysBeforeTrialEnd_FrenchCreator_OneTrialEndingEmailInFrenchWithAWorkingLink()
    {
        await using var app = new MailMarketplaceFactory();
        app.DeliverEveryWebhookTwice();
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Gold);
        using var _ = browser;
        await app.SetCreatorLocaleAsync(creatorId, "fr");
        var email = await app.CreatorEmailAsync(creatorId);
        var subscription = await app.Stripe.V1.Subscriptions.GetAsync((await app.RowAsync(creatorId)).StripeSubscriptionId);
        var trialEnd = subscription.TrialEnd!.Value.ToString("D", System.Globalization.CultureInfo.GetCultureInfo("fr"));

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(11)); // trial_end − 3 days: Stripe sends customer.subscription.trial_will_end
        var message = await app.Smtp.WaitForAsync(email, m => (m.Subject ?? "").StartsWith("Votre essai", StringComparison.Ordinal));
        var links = await message.ShouldBeInWithWorkingLinksAsync(app, "fr", browser.Client);

        subscription.Status.Should().Be("trialing");
        message.Subject.Should().Be($"Votre essai se termine le {trialEnd}");
        message.TextBody.Should().Contain($"Votre essai gratuit de l'offre Or se termine le {trialEnd}. Votre carte sera alors débitée, sauf si vous annulez avant.");
        links.Should().ContainSingle().Which.Should().EndWith("/creator/subscription");
        await app.ShouldHaveReceivedOnceAsync(email, message.Subject, StripeEventTypes.CustomerSubscriptionTrialWillEnd);
    }

    [Fact]
    public async Task InvoicePaidDeliveredTwiceAndTheSendJobRunAgain_OneEmailWithTheHostedInvoiceLink()
    {
        await using var app = new MailMarketplaceFactory(new TestSmtpServer(), selfDelivered: true);
        var (creatorId, invoiceId) = await PaidSubscriptionAsync(app);
        var email = await app.CreatorEmailAsync(creatorId);

        await DeliverAsync(app, StripeEventTypes.InvoicePaid, invoiceId, "invoice");
        await DeliverAsync(app, StripeEventTypes.InvoicePaid, invoiceId, "invoice"); // another event id about the same invoice
        await app.EventuallyAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Type == StripeEventTypes.InvoicePaid && e.Status == WebhookEventStatus.Processed),
            n => n == 2, because: "both deliveries processed");
        var row = (await app.OutboxAsync(EmailKinds.InvoicePaid)).Should().ContainSingle().Subject;
        await app.EventuallyAsync(db => db.OutboxEmails.SingleAsync(e => e.Id == row.Id), e => e.Status == OutboxEmailStatus.Sent, because: "the email is sent");
        await RunSendJobAgainAsync(app, row.Id); // a retried job finds the row Sent
        var invoice = await app.Stripe.V1.Invoices.GetAsync(invoiceId);

        var paid = app.Smtp.To(email).Where(m => (m.Subject ?? "").StartsWith("Payment received", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        paid.Subject.Should().Be("Payment received: €19.00");
        paid.TextBody!.Should().Contain("We received your payment of €19.00").And.Contain($"View the invoice: {invoice.HostedInvoiceUrl}");
        WebUtility.HtmlDecode(paid.HtmlBody).Should().Contain("<html lang=\"en\">").And.Contain($"href=\"{invoice.HostedInvoiceUrl}\"");
        Links(paid.TextBody!).Should().OnlyContain(l => Uri.IsWellFormedUriString(l, UriKind.Absolute));
    }

    [Fact]
    public async Task SmtpDownWhenTheInvoiceIsPaid_WebhookProcessed_EmailRetriedAndSentOnceTheServerIsBack()
    {
        await using var app = new MailMarketplaceFactory(new TestSmtpServer(), selfDelivered: true);
        var (creatorId, invoiceId) = await PaidSubscriptionAsync(app);
        var email = await app.CreatorEmailAsync(creatorId);
        app.Smtp.Stop();

        await DeliverAsync(app, StripeEventTypes.InvoicePaid, invoiceId, "invoice");
        await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Type == StripeEventTypes.InvoicePaid),
            e => e.Status == WebhookEventStatus.Processed, because: "the webhook does not wait for SMTP");
        var failed = await app.EventuallyAsync(db => db.OutboxEmails.SingleAsync(e => e.Kind == EmailKinds.InvoicePaid),
            e => e.Attempts >= 1, because: "the send job tried and failed");
        app.Smtp.Start();
        var message = await app.Smtp.WaitForAsync(email, m => (m.Subject ?? "").StartsWith("Payment received", StringComparison.Ordinal), seconds: 120);
        var sent = await app.EventuallyAsync(db => db.OutboxEmails.SingleAsync(e => e.Kind == EmailKinds.InvoicePaid), e => e.Status == OutboxEmailStatus.Sent);

        failed.Status.Should().Be(OutboxEmailStatus.Pending);
        failed.LastError.Should().NotBeNullOrEmpty();
        message.Subject.Should().Be("Payment received: €19.00");
        sent.Attempts.Should().BeGreaterThan(1, "sent by a retry");
        app.Smtp.To(email).Count(m => (m.Subject ?? "").StartsWith("Payment received", StringComparison.Ordinal)).Should().Be(1);
    }

    /// <summary>A creator subscribed to Silver monthly around the app (webhooks not delivered yet); returns the paid first invoice.</summary>
    private static async Task<(int CreatorId, string InvoiceId)> PaidSubscriptionAsync(MailMarketplaceFactory app)
    {
        var creatorId = await app.RegisterCreatorAsync();
        var sessionId = await app.SubscribeThroughCheckoutAsync(creatorId, PlanCodes.Silver);
        var subscriptionId = (await app.Stripe.V1.Checkout.Sessions.GetAsync(sessionId)).SubscriptionId;
        var subscription = await app.Stripe.V1.Subscriptions.GetAsync(subscriptionId);
        return (creatorId, subscription.LatestInvoiceId);
    }

    private static async Task DeliverAsync(MailMarketplaceFactory app, string type, string objectId, string objectType)
    {
        var json = StripeEventSamples.Event(type, objectId, objectType);
        using var client = new HttpClient { BaseAddress = app.AppUrl };
        var response = await client.PostAsync("/api/webhooks/stripe/billing", json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task RunSendJobAgainAsync(MailMarketplaceFactory app, long outboxEmailId)
    {
        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SendOutboxEmailJob>(j => j.SendAsync(outboxEmailId, CancellationToken.None));
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.StateName != SucceededState.StateName)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Send job {jobId} did not succeed");
            await Task.Delay(100);
        }
    }

    /// <summary>The http(s) URLs in a plain-text body.</summary>
    internal static IReadOnlyList<string> Links(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"https?://\S+").Select(m => m.Value)];
}
