using System.Security.Claims;
using Marketplace.Core.Creators;

namespace Marketplace.Web.Creators;

/// <summary>
/// The signed-in creator of this request (scoped, as jasontaylordev/CleanArchitecture's <c>CurrentUser</c>): the user id
/// and email from the Identity cookie's claims, and the creator profile, loaded from the database at most once per
/// request. Actions behind the <c>Creator</c> policy (<see cref="CreatorProfileRequirement"/>) or
/// <see cref="Controllers.Api.CreatorApiAttribute"/> always have one.
/// </summary>
public sealed class CurrentCreator(IHttpContextAccessor http, CreatorQueries creators)
{
    private CreatorProfile? _profile;
    private bool _loaded;

    private ClaimsPrincipal? User => http.HttpContext?.User;

    /// <summary>The Identity user id (<see cref="ClaimTypes.NameIdentifier"/>); null when nobody is signed in.</summary>
    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// The account's email (<see cref="ClaimTypes.Email"/>, written by Identity's claims principal factory at sign-in and
    /// on every cookie refresh); null when nobody is signed in or the account has none. The Creator policy requires it.
    /// </summary>
    public string? Email => User?.FindFirstValue(ClaimTypes.Email);

    /// <summary>The creator profile (Connect account, subscription, plan and price included, not tracked); null when the user has none.</summary>
    public async Task<CreatorProfile?> FindAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded) return _profile;
        _profile = UserId is { } userId ? await creators.ProfileForUserAsync(userId, cancellationToken) : null;
        _loaded = true;
        return _profile;
    }

    /// <summary>Loads the profile again, for a request that changed its rows (e.g. a Connect account created before Stripe failed).</summary>
    public Task<CreatorProfile?> ReloadAsync(CancellationToken cancellationToken = default)
    {
        _loaded = false;
        return FindAsync(cancellationToken);
    }

    /// <summary>The creator profile of an action the Creator policy admitted.</summary>
    /// <exception cref="InvalidOperationException">The signed-in user has no creator profile (the action lacks the policy).</exception>
    public async Task<CreatorProfile> GetAsync(CancellationToken cancellationToken = default) =>
        await FindAsync(cancellationToken)
        ?? throw new InvalidOperationException("The signed-in user has no creator profile: put the action behind the Creator policy or [CreatorApi].");
}
