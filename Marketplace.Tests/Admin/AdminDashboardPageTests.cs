using System.Globalization;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Admin;

/// <summary>The dashboard page as the admin sees it: figures, and this month's payments in the server-rendered chart.</summary>
public sealed class AdminDashboardPageTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Index_PaymentsThisMonth_FiguresAndAnAccessibleSvgChartWithoutScripts()
    {
        var creatorId = await app.RegisterCreatorAsync("Charted");
        var gold = await app.WithDbAsync(db => db.PlanPrices.Where(p => p.LookupKey == "plan_gold_month_eur").Select(p => new { p.Id, p.AmountMinor }).SingleAsync());
        await app.SubscribeAsync(creatorId, gold.Id, SubscriptionStatus.Active);
        var now = DateTime.UtcNow;
        await app.PayAsync(creatorId, 1234, "eur", now);
        await app.PayAsync(creatorId, 5000, "xaf", now);
        using var admin = await app.AdminAsync();

        var page = await admin.Client.GetStringAsync("/admin");

        var month = new DateTime(now.Year, now.Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);
        page.Should().Contain("data-figure=\"revenue-this-eur\">€12.34<").And.Contain("data-figure=\"revenue-this-xaf\">FCFA&#xA0;5,000<");
        page.Should().Contain($"data-figure=\"mrr-eur\"><strong>€{gold.AmountMinor / 100m:0.00}</strong> · 1 subscription(s)");
        page.Should().Contain("<svg").And.Contain("role=\"img\"").And.Contain("<title id=\"revenue-chart-eur-title\">")
            .And.Contain($"data-month=\"{month}\" data-amount=\"1234\"").And.Contain($"data-month=\"{month}\" data-amount=\"5000\"");
        page.Should().Contain($"<th scope=\"row\" class=\"fw-normal\">{month}</th><td class=\"text-end\">€12.34</td>", "the values stand in a table beside the chart");
        page.Should().Contain("data-figure=\"creators\">").And.Contain("data-figure=\"status-active\">");
        page.Should().NotContain("<script src=\"http", "no CDN: the page works offline");
    }
}
