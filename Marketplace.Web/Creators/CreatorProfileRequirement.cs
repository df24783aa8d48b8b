using Microsoft.AspNetCore.Authorization;

namespace Marketplace.Web.Creators;

/// <summary>
/// Part of the <c>Creator</c> policy: the signed-in user has a creator profile and an email claim
/// (<see cref="CurrentCreator"/>). Without them the policy fails, which the cookie handler answers with 403.
/// </summary>
public sealed class CreatorProfileRequirement : IAuthorizationRequirement;

/// <summary>Loads the request's <see cref="CurrentCreator"/> (once; the action reuses it) and succeeds when it exists.</summary>
public sealed class CreatorProfileHandler(CurrentCreator currentCreator) : AuthorizationHandler<CreatorProfileRequirement>
{
    /// <inheritdoc />
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CreatorProfileRequirement requirement)
    {
        if (currentCreator.Email is not null && await currentCreator.FindAsync(RequestAborted(context)) is not null)
            context.Succeed(requirement);
    }

    private static CancellationToken RequestAborted(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http ? http.RequestAborted : CancellationToken.None;
}
