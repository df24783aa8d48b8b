using System.Net;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Admin;

/// <summary>Every admin page: the admin gets it, a creator gets 403, an anonymous visitor is sent to the login page.</summary>
public sealed class AdminPagesAccessTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    public static TheoryData<string> Pages => new() { "/admin", "/admin/creators", "/admin/subscriptions", "/admin/webhooks", "/admin/plans", "/admin/moderation" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Admin_200(string path)
    {
        using var admin = await app.AdminAsync();

        var response = await admin.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Creator_403(string path)
    {
        using var creator = BrowserSession.For(app);
        await creator.RegisterCreatorAsync($"{Guid.NewGuid():N}@example.com", "Creator");

        (await creator.Client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Anonymous_RedirectedToLogin(string path)
    {
        using var anonymous = BrowserSession.For(app);

        var response = await anonymous.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Identity/Account/Login");
    }

    [Fact]
    public async Task WebhookDetailsAndPosts_CreatorOrAnonymous_RefusedAndNothingChanges()
    {
        var rowId = await app.InboxRowAsync("invoice.paid", WebhookEventStatus.Failed);
        using var creator = BrowserSession.For(app);
        await creator.RegisterCreatorAsync($"{Guid.NewGuid():N}@example.com", "Creator");
        using var anonymous = BrowserSession.For(app);

        (await creator.Client.GetAsync($"/admin/webhooks/{rowId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.Client.GetAsync($"/admin/webhooks/{rowId}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var post = await creator.SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), $"/admin/webhooks/{rowId}/process-again");
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var row = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.StripeWebhookEvents, e => e.Id == rowId));
        row.Status.Should().Be(WebhookEventStatus.Failed);
    }

    [Fact]
    public async Task HangfireDashboard_Admin_LinksBackToTheAdminArea()
    {
        using var admin = await app.AdminAsync();

        var page = await admin.Client.GetStringAsync("/hangfire");

        page.Should().Contain("Marketplace · background jobs").And.Contain("href=\"/admin\"");
    }
}
