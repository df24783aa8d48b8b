using System.Net;
using Hangfire;
using Marketplace.Core.Emails;
using Marketplace.Core.Memberships;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Memberships;

/// <summary>
/// Members-only posts as users meet them, on the live app (Kestrel, Hangfire, SQLite) and the emulator: the creator's
/// form, the storefront and the post page for a visitor and for a paying member, the post email and its signed-out
/// "no more post emails" link.
/// </summary>
public sealed class MembershipPostsTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task Publish_MembersAndTierPosts_VisitorSeesTitlesOnlyMemberReadsHisTierAndGetsOneEmailWithWorkingOptOut()
    {
        // Arrange: a Silver shop with "Supporter" (5.00) and "Patron" (10.00), a public, a members and a Patron post.
        using var shop = await app.ShopAsync(PlanCodes.Silver);
        (await shop.Creator.CreateTierAsync("Supporter", "5.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shop.Creator.CreateTierAsync("Patron", "10.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var tiers = await app.WithDbAsync(db => db.MembershipTiers.Where(t => t.CreatorProfileId == shop.CreatorId).OrderBy(t => t.MonthlyAmountMinor).Select(t => t.Id).ToListAsync());
        (await shop.Creator.PublishPostAsync("Hello world", "Everyone reads **this**.", "public")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shop.Creator.PublishPostAsync("Members news", "The secret *plan*.", "members")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shop.Creator.PublishPostAsync("Patron extras", "Only for patrons.", $"tier:{tiers[1]}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var invalid = await shop.Creator.PublishPostAsync("", "No title", "members");
        var posts = await app.WithDbAsync(db => db.MembershipPosts.Where(p => p.CreatorProfileId == shop.CreatorId).ToDictionaryAsync(p => p.Title, p => p.Id));
        using var visitor = app.NewBrowser();
        using var member = app.NewBrowser();
        var memberEmail = $"m{Guid.NewGuid():N}@example.com";
        await member.RegisterCreatorAsync(memberEmail, "Member");

        // Act 1: a visitor looks; the member joins Supporter and pays.
        var visitorShop = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/c/{shop.Slug}"));
        var visitorPost = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/c/{shop.Slug}/posts/{posts["Members news"]}"));
        var membership = await JoinAndPayAsync(member, shop.Slug, tiers[0]);
        var memberPost = WebUtility.HtmlDecode(await member.Client.GetStringAsync($"/c/{shop.Slug}/posts/{posts["Members news"]}"));
        var memberPatronPost = WebUtility.HtmlDecode(await member.Client.GetStringAsync($"/c/{shop.Slug}/posts/{posts["Patron extras"]}"));
        var memberShop = WebUtility.HtmlDecode(await member.Client.GetStringAsync($"/c/{shop.Slug}"));

        // Assert 1: titles for all; bodies for readers; "Join to read" for the others; the empty title is refused on the form.
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("A post title is required.");
        visitorShop.Should().Contain("Hello world").And.Contain("Members news").And.Contain("Patron extras").And.Contain("Everyone reads this.")
            .And.NotContain("The secret plan").And.Contain("Join to read");
        visitorPost.Should().Contain("Members news").And.Contain("data-testid=\"join-to-read\"").And.NotContain("The secret");
        memberPost.Should().Contain("<em>plan</em>").And.NotContain("data-testid=\"join-to-read\"");
        memberPatronPost.Should().Contain("data-testid=\"join-to-read\"").And.NotContain("Only for patrons.");
        memberShop.Should().Contain("The secret plan.");

        // Act 2: two posts published one after the other; the member follows the first email's opt-out link signed out.
        (await shop.Creator.PublishPostAsync("Studio diary", "New sketches.", "members")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var email = await app.EventuallyAsync(db => db.OutboxEmails.AsNoTracking().SingleOrDefaultAsync(e => e.Kind == EmailKinds.MembershipPost && e.To == memberEmail),
            e => e is not null, because: "the post's email is written by its job");
        (await shop.Creator.PublishPostAsync("Second diary", "More sketches.", "members")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var secondId = await app.WithDbAsync(db => db.MembershipPosts.Where(p => p.Title == "Second diary" && p.CreatorProfileId == shop.CreatorId).Select(p => p.Id).SingleAsync());
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await app.EventuallyAsync(_ => Task.FromResult(monitoring.EnqueuedCount("default") + monitoring.ProcessingCount()), n => n == 0,
            because: "the second post's email job has run");
        var secondEmails = await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Kind == EmailKinds.MembershipPost && e.Key.EndsWith($":{secondId}")));
        var optOutPath = email!.Model[EmailModelKeys.OptOutPath];
        using var signedOut = app.NewBrowser();
        var optOutPage = await signedOut.Client.GetAsync(optOutPath);
        var optedOut = await signedOut.SubmitFormAsync(optOutPath, new Dictionary<string, string>
        {
            ["token"] = Uri.UnescapeDataString(optOutPath[(optOutPath.IndexOf('=') + 1)..]),
        }, "/memberships/post-emails/off");
        var forged = await signedOut.SubmitFormAsync(optOutPath, new Dictionary<string, string> { ["token"] = "not-a-token" }, "/memberships/post-emails/off");

        // Assert 2: one email, to the post, with the opt-out that works signed out; a bad token is refused with a message.
        var studioId = await app.WithDbAsync(db => db.MembershipPosts.Where(p => p.Title == "Studio diary" && p.CreatorProfileId == shop.CreatorId).Select(p => p.Id).SingleAsync());
        email.Key.Should().Be($"{membership.Id}:{studioId}");
        email.Model[EmailModelKeys.PostTitle].Should().Be("Studio diary");
        secondEmails.Should().Be(0, "a member gets at most one post email an hour from a creator");
        email.Model[EmailModelKeys.Path].Should().StartWith($"/c/{shop.Slug}/posts/");
        optOutPage.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await optOutPage.Content.ReadAsStringAsync()).Should().Contain("Poster Shop");
        optedOut.StatusCode.Should().Be(HttpStatusCode.OK);
        (await optedOut.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"opted-out\"");
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == membership.Id))).PostEmailsOff.Should().BeTrue();
    }

    /// <summary>Join from the shop page, pay 4242 on the emulator's Checkout; the membership once active.</summary>
    private async Task<Membership> JoinAndPayAsync(BrowserSession member, string slug, int tierId)
    {
        var join = await member.SubmitFormAsync($"/c/{slug}", new Dictionary<string, string>(), $"/c/{slug}/memberships/{tierId}/join");
        join.StatusCode.Should().Be(HttpStatusCode.SeeOther, await join.Content.ReadAsStringAsync());
        using var stripePage = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        (await stripePage.PostAsync(join.Headers.Location, new FormUrlEncodedContent([new("card_number", "4242424242424242")]))).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        return (await app.EventuallyAsync(db => db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.MembershipTierId == tierId),
            m => m is { Status: "active" }, because: "the membership is active after Checkout"))!;
    }
}

/// <summary>Post scenarios through the creator's pages.</summary>
public static class MembershipPostScenarios
{
    /// <summary>Submits the new post form; <paramref name="audience"/> is <c>public</c>, <c>members</c> or <c>tier:{id}</c>.</summary>
    public static Task<HttpResponseMessage> PublishPostAsync(this BrowserSession browser, string title, string body, string audience) =>
        browser.SubmitFormAsync("/creator/memberships/posts/new", new Dictionary<string, string> { ["Title"] = title, ["Body"] = body, ["Audience"] = audience },
            "/creator/memberships/posts");
}
