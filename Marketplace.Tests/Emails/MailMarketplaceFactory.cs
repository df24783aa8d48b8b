using Marketplace.Core.Accounts;
using Marketplace.Core.Emails;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Emails;

/// <summary>
/// The live app (Kestrel, emulator, Hangfire server) sending its emails to a <see cref="TestSmtpServer"/> started for
/// it, which is disposed with it. With <paramref name="selfDelivered"/> the test delivers the webhooks itself.
/// </summary>
public class MailMarketplaceFactory(TestSmtpServer smtp, bool selfDelivered = false)
    : LiveMarketplaceFactory(!selfDelivered, smtp.Settings)
{
    public MailMarketplaceFactory() : this(new TestSmtpServer())
    {
    }

    /// <summary>The SMTP server the app sends to.</summary>
    public TestSmtpServer Smtp { get; } = smtp;

    /// <summary>The email address of creator <paramref name="creatorId"/>.</summary>
    public Task<string> CreatorEmailAsync(int creatorId) => WithDbAsync(db =>
        db.CreatorProfiles.Where(c => c.Id == creatorId).Join(db.Users, c => c.UserId, u => u.Id, (c, u) => u.Email!).SingleAsync());

    /// <summary>Sets the <c>locale</c> claim of creator <paramref name="creatorId"/>'s user, as the culture switch does.</summary>
    public async Task SetCreatorLocaleAsync(int creatorId, string locale)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(await CreatorEmailAsync(creatorId));
        (await users.AddClaimAsync(user!, new System.Security.Claims.Claim(UserCultures.LocaleClaimType, locale))).Succeeded.Should().BeTrue();
    }

    /// <summary>The outbox rows of <paramref name="kind"/>.</summary>
    public Task<List<OutboxEmail>> OutboxAsync(string kind) => WithDbAsync(db => db.OutboxEmails.Where(e => e.Kind == kind).ToListAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

/// <summary>A <see cref="MailMarketplaceFactory"/> shared by a test class (<c>IClassFixture</c> wants a single public constructor).</summary>
public sealed class SharedMailMarketplaceFactory() : MailMarketplaceFactory(new TestSmtpServer());
