using Hangfire;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Memberships.Posts;

/// <summary>A post as the creator typed it: title, Markdown body, who reads it and, for "a tier and above", the tier's id.</summary>
public sealed record MembershipPostInput(string? Title, string? Body, PostVisibility Visibility, int? MinimumTierId);

/// <summary>What happened to a post request.</summary>
public enum MembershipPostOutcome
{
    Done,

    /// <summary>The input is not valid: <see cref="MembershipPostResult.Error"/> says why; nothing stored.</summary>
    Invalid,

    /// <summary>No such post of this creator.</summary>
    NotFound,
}

/// <summary>The outcome, with the post or the error.</summary>
public sealed record MembershipPostResult(MembershipPostOutcome Outcome, MembershipPost? Post = null, Text.CoreMessage? Error = null);

/// <summary>
/// A creator's own posts: list, publish, edit, delete. Every method takes the signed-in creator's id and only touches
/// that creator's rows. Publishing stores the post and enqueues <see cref="MembershipPostEmailsJob"/> (the emails are
/// written by the job, so publishing does not wait for them); an edit sends nothing.
/// </summary>
public sealed class CreatorMembershipPosts(MarketplaceDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>The creator's posts, newest first, with their tier.</summary>
    public async Task<IReadOnlyList<MembershipPost>> ForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await db.MembershipPosts.AsNoTracking().Include(p => p.MinimumTier).Where(p => p.CreatorProfileId == creatorProfileId)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>One post of the creator; null when it does not exist or is another creator's.</summary>
    public Task<MembershipPost?> FindAsync(int creatorProfileId, int postId, CancellationToken cancellationToken = default) =>
        db.MembershipPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId && p.CreatorProfileId == creatorProfileId, cancellationToken);

    /// <summary>Publishes a post now and enqueues its emails; Invalid (nothing stored) when the input breaks <see cref="MembershipPost.Update"/>'s rules.</summary>
    public async Task<MembershipPostResult> PublishAsync(int creatorProfileId, MembershipPostInput input, CancellationToken cancellationToken = default)
    {
        MembershipPost post;
        try
        {
            post = new MembershipPost(creatorProfileId, input.Title ?? "", input.Body ?? "", input.Visibility,
                await TierAsync(creatorProfileId, input, cancellationToken), Now());
        }
        catch (DomainException ex)
        {
            return new(MembershipPostOutcome.Invalid, Error: ex.Text);
        }

        db.MembershipPosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<MembershipPostEmailsJob>(job => job.QueueAsync(post.Id, CancellationToken.None));
        return new(MembershipPostOutcome.Done, post);
    }

    /// <summary>Changes a post (no email); NotFound when not the creator's; Invalid (nothing changed) when the input breaks the rules.</summary>
    public async Task<MembershipPostResult> UpdateAsync(int creatorProfileId, int postId, MembershipPostInput input, CancellationToken cancellationToken = default)
    {
        var post = await db.MembershipPosts.SingleOrDefaultAsync(p => p.Id == postId && p.CreatorProfileId == creatorProfileId, cancellationToken);
        if (post is null) return new(MembershipPostOutcome.NotFound);
        try
        {
            post.Update(input.Title ?? "", input.Body ?? "", input.Visibility, await TierAsync(creatorProfileId, input, cancellationToken), Now());
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return new(MembershipPostOutcome.Invalid, post, ex.Text);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(MembershipPostOutcome.Done, post);
    }

    /// <summary>Deletes a post; NotFound when not the creator's.</summary>
    public async Task<MembershipPostResult> DeleteAsync(int creatorProfileId, int postId, CancellationToken cancellationToken = default)
    {
        var post = await db.MembershipPosts.SingleOrDefaultAsync(p => p.Id == postId && p.CreatorProfileId == creatorProfileId, cancellationToken);
        if (post is null) return new(MembershipPostOutcome.NotFound);
        db.MembershipPosts.Remove(post);
        await db.SaveChangesAsync(cancellationToken);
        return new(MembershipPostOutcome.Done, post);
    }

    // The creator's tier the input names (archived ones too: a post may stay on a tier that is no longer offered).
    private async Task<MembershipTier?> TierAsync(int creatorProfileId, MembershipPostInput input, CancellationToken cancellationToken) =>
        input.Visibility != PostVisibility.TierAndAbove || input.MinimumTierId is not { } id ? null
            : await db.MembershipTiers.SingleOrDefaultAsync(t => t.Id == id && t.CreatorProfileId == creatorProfileId, cancellationToken);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
