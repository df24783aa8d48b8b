using System.Globalization;
using Hangfire;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Memberships.Posts;

/// <summary>
/// The Hangfire job (queue <c>default</c>) that writes one <see cref="EmailKinds.MembershipPost"/> outbox email per member
/// who may read a newly published post (<see cref="MembershipPost.Admits"/>), joined before it was published and has not turned post emails off, in
/// the member's culture, with a "no more emails" link (<see cref="PostEmailOptOut"/>). Rate limit: a member who got a
/// post email from this creator less than <see cref="MembershipOptions.PostEmailInterval"/> ago gets none for this post
/// (it is on the creator's page). The outbox key <c>{membership id}:{post id}</c> makes a retried job write nothing twice.
/// </summary>
public sealed class MembershipPostEmailsJob(MarketplaceDbContext db, EmailOutbox outbox, PostEmailOptOut optOut,
    IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>Writes the post's emails; a deleted post writes none.</summary>
    [Queue("default")]
    [AutomaticRetry(Attempts = 5)]
    public async Task QueueAsync(int postId, CancellationToken cancellationToken)
    {
        var post = await db.MembershipPosts.AsNoTracking().Include(p => p.MinimumTier).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null) return;
        var shop = await db.CreatorProfiles.Where(c => c.Id == post.CreatorProfileId).Select(c => new { c.DisplayName, c.Slug })
            .SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.PostEmailInterval;
        var members = await db.Memberships.AsNoTracking().Include(m => m.Tier)
            .Where(m => m.CreatorProfileId == post.CreatorProfileId && !m.PostEmailsOff && m.Status != Membership.PendingStatus
                && m.CreatedAt <= post.PublishedAt)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var member in members.Where(m => post.Admits(m, now, options.Value.PastDueGrace)))
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{member.Id}:");
            var recent = await db.OutboxEmails.AnyAsync(e => e.Kind == EmailKinds.MembershipPost && e.Key.StartsWith(prefix) && e.CreatedAt > since
                && e.Key != prefix + post.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (recent || await outbox.UserAsync(member.MemberUserId, null, cancellationToken) is not { } to) continue;
            await outbox.QueueAsync(EmailKinds.MembershipPost, prefix + post.Id.ToString(CultureInfo.InvariantCulture), to, EmailModelKeys.Of(
                (EmailModelKeys.ShopName, shop.DisplayName),
                (EmailModelKeys.PostTitle, post.Title),
                (EmailModelKeys.Path, $"/c/{Uri.EscapeDataString(shop.Slug)}/posts/{post.Id.ToString(CultureInfo.InvariantCulture)}"),
                (EmailModelKeys.OptOutPath, "/memberships/post-emails/off?token=" + Uri.EscapeDataString(optOut.CreateToken(member.Id)))), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
