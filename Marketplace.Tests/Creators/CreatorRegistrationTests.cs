using System.Net;
using Marketplace.Core.Accounts;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Creators;

public sealed class CreatorRegistrationTests : IAsyncLifetime
{
    private readonly MarketplaceFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Register_NewVisitor_CreatesActiveProfileCreatorRoleAndFreeSubscription()
    {
        using var browser = BrowserSession.For(_factory);

        var response = await browser.RegisterCreatorAsync("ada@example.com", "Ada's Prints");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/creator/subscription/upgrade");
        var profile = await _factory.WithDbAsync(db => db.CreatorProfiles
            .Include(c => c.Subscription).ThenInclude(s => s!.Plan)
            .SingleAsync());
        profile.DisplayName.Should().Be("Ada's Prints");
        profile.Slug.Should().Be("ada-s-prints");
        profile.IsActive.Should().BeTrue();
        profile.Status.Should().Be(Core.Creators.CreatorStatus.Active);
        profile.Subscription!.Plan!.Code.Should().Be(PlanCodes.Free);
        profile.Subscription.Status.Should().Be(SubscriptionStatus.Active);
        profile.Subscription.PlanPriceId.Should().BeNull();
        profile.Subscription.StripeSubscriptionId.Should().BeNull();
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync("ada@example.com");
        (await users.IsInRoleAsync(user!, Roles.Creator)).Should().BeTrue();
        profile.UserId.Should().Be(user!.Id);
    }

    [Fact]
    public async Task Register_ThenUpgradePage_ShowsPlansWithFreeAsCurrent()
    {
        using var browser = BrowserSession.For(_factory);
        await browser.RegisterCreatorAsync("bo@example.com", "Bo");

        var page = await browser.Client.GetStringAsync("/creator/subscription/upgrade");

        page.Should().Contain("data-testid=\"current-plan\">Free<");
        foreach (var code in new[] { "FREE", "BRONZE", "SILVER", "GOLD", "PLATINIUM" }) page.Should().Contain($"data-plan-code=\"{code}\"");
        page.Should().Contain("€19.00").And.Contain("€190.00");
    }

    [Fact]
    public async Task Register_SameDisplayNameTwice_GivesDistinctSlugs()
    {
        using (var first = BrowserSession.For(_factory)) await first.RegisterCreatorAsync("one@example.com", "Studio Nord");
        using (var second = BrowserSession.For(_factory)) await second.RegisterCreatorAsync("two@example.com", "Studio Nord");

        var slugs = await _factory.WithDbAsync(db => db.CreatorProfiles.OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync());

        slugs.Should().Equal("studio-nord", "studio-nord-2");
    }

    [Fact]
    public async Task Register_DuplicateEmail_SaysNothingAndStoresNothingMore()
    {
        using (var first = BrowserSession.For(_factory)) await first.RegisterCreatorAsync("dup@example.com", "First");
        using var second = BrowserSession.For(_factory);

        var response = await second.RegisterCreatorAsync("dup@example.com", "Second");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "answered as a new email is (issue 16, item 8)");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("is already taken");
        var counts = await _factory.WithDbAsync(async db => (await db.CreatorProfiles.CountAsync(), await db.CreatorSubscriptions.CountAsync()));
        counts.Should().Be((1, 1));
    }

    [Fact]
    public async Task Register_WeakPassword_ShowsErrorAndCreatesNoUser()
    {
        using var browser = BrowserSession.For(_factory);

        var response = await browser.RegisterCreatorAsync("weak@example.com", "Weak", password: "abcdefgh");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Passwords must have at least one");
        (await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "weak@example.com"))).Should().Be(0);
    }
}
