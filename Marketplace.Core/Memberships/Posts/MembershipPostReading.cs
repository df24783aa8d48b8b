using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Memberships.Posts;

/// <summary>A post as one reader meets it: the post, and whether they may read its body.</summary>
public sealed record ReadablePost(MembershipPost Post, bool CanRead);

/// <summary>
/// The posts of a creator as a reader sees them (<see cref="MembershipPost.Admits"/>): everyone sees every title;
/// the body is for readers the post admits, and for the creator themself. Access is computed at each read from the
/// membership Stripe's webhooks keep (status, period end, <see cref="MembershipOptions.PastDueGrace"/>).
/// </summary>
public sealed class MembershipPostReading(MarketplaceDbContext db, IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>The creator's posts, newest first, for <paramref name="userId"/> (null: a visitor).</summary>
    public async Task<IReadOnlyList<ReadablePost>> ForCreatorAsync(int creatorProfileId, string? userId, CancellationToken cancellationToken = default)
    {
        var posts = await db.MembershipPosts.AsNoTracking().Include(p => p.MinimumTier).Where(p => p.CreatorProfileId == creatorProfileId)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).ToListAsync(cancellationToken);
        if (posts.Count == 0) return [];
        var reader = await ReaderAsync(creatorProfileId, userId, cancellationToken);
        return [.. posts.Select(p => new ReadablePost(p, reader(p)))];
    }

    /// <summary>One post of the creator for <paramref name="userId"/>; null when the creator has no such post.</summary>
    public async Task<ReadablePost?> FindAsync(int creatorProfileId, int postId, string? userId, CancellationToken cancellationToken = default)
    {
        var post = await db.MembershipPosts.AsNoTracking().Include(p => p.MinimumTier)
            .SingleOrDefaultAsync(p => p.Id == postId && p.CreatorProfileId == creatorProfileId, cancellationToken);
        if (post is null) return null;
        var reader = await ReaderAsync(creatorProfileId, userId, cancellationToken);
        return new ReadablePost(post, reader(post));
    }

    private async Task<Func<MembershipPost, bool>> ReaderAsync(int creatorProfileId, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null) return p => p.Admits(null, default, default);
        if (await db.CreatorProfiles.AnyAsync(c => c.Id == creatorProfileId && c.UserId == userId, cancellationToken)) return _ => true;
        var membership = await db.Memberships.AsNoTracking().Include(m => m.Tier)
            .SingleOrDefaultAsync(m => m.CreatorProfileId == creatorProfileId && m.MemberUserId == userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return p => p.Admits(membership, now, options.Value.PastDueGrace);
    }
}
