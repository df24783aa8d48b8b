using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Identity's <see cref="SignInManager{TUser}"/> with every password sign-in counted for lockout: the Identity UI's Login
/// page asks for <c>lockoutOnFailure: false</c>, so 20 wrong passwords then the right one signed in. With this, after
/// <c>Lockout.MaxFailedAccessAttempts</c> failures the account is locked for <c>Lockout.DefaultLockoutTimeSpan</c> and the
/// Login page sends the user to Identity's "Locked out" page.
/// </summary>
public sealed class LockoutSignInManager(
    UserManager<IdentityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation)
    : SignInManager<IdentityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <inheritdoc />
    public override Task<SignInResult> PasswordSignInAsync(IdentityUser user, string password, bool isPersistent, bool lockoutOnFailure) =>
        base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
}
