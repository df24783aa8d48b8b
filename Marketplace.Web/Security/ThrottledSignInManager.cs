using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Identity's <see cref="SignInManager{TUser}"/> with every password check throttled by <see cref="PasswordAttempts"/>
/// (<see cref="Core.SignInThrottling.SignInThrottle"/>: failures per account, per address and per account from an
/// address, with doubling waits; a browser with the account's device cookie is exempt from the account's own count)
/// instead of Identity's lockout, which let anyone lock an owner out with 5 wrong passwords. A throttled attempt is not
/// checked at all and answers <see cref="SignInResult.LockedOut"/> (the wait is in <see cref="PasswordAttempts.RefusedWait"/>);
/// Identity's lockout still holds the accounts it locks for good (closed accounts). A complete sign-in sets the device
/// cookie (<see cref="SignInDevices"/>). A sign-in for a user name nobody has verifies the password against a dummy hash
/// with the same <see cref="IPasswordHasher{TUser}"/>, so it takes as long as a wrong password for an existing account:
/// the answer's time does not tell who has an account; it counts against the address only.
/// </summary>
public sealed class ThrottledSignInManager(
    UserManager<IdentityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation,
    PasswordAttempts attempts,
    SignInDevices devices)
    : SignInManager<IdentityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;
    private bool _refreshing;

    /// <inheritdoc />
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (!(await attempts.CheckAsync(null)).Allowed) return SignInResult.LockedOut;
        SpendPasswordHashWork(password);
        await attempts.RecordAsync(null, passwordRight: false);
        return SignInResult.Failed;
    }

    /// <summary>
    /// Checks <paramref name="password"/> unless the throttle holds the attempt (then <see cref="SignInResult.LockedOut"/>
    /// without a check), and counts the outcome. Identity's own failure count is not used (<paramref name="lockoutOnFailure"/> ignored).
    /// An account that may not sign in yet (email not confirmed) answers <see cref="SignInResult.NotAllowed"/> only to the
    /// right password, and <see cref="SignInResult.Failed"/>, counted, to a wrong one: the answer tells a stranger nothing.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(IdentityUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (!(await attempts.CheckAsync(user.Id)).Allowed) return SignInResult.LockedOut;
        if (!await CanSignInAsync(user))
        {
            var right = await UserManager.CheckPasswordAsync(user, password);
            await attempts.RecordAsync(user.Id, passwordRight: right);
            return right ? SignInResult.NotAllowed : SignInResult.Failed;
        }

        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor) await attempts.RecordAsync(user.Id, passwordRight: true);
        else if (!result.IsLockedOut && !result.IsNotAllowed) await attempts.RecordAsync(user.Id, passwordRight: false);
        return result;
    }

    /// <summary>
    /// Signs in with a passkey: Identity verifies the assertion (signature by the stored public key, challenge, origin,
    /// user verification), the passkey's counters are saved, then an account that may not sign in (email not confirmed)
    /// or is locked (closed) is refused. No second factor follows: a passkey is itself phishing-resistant and
    /// user-verified. The session carries <see cref="PasskeyMethod"/> as its <c>amr</c> claim (Identity would write
    /// <c>pwd</c>), which <see cref="AdminTwoFactor"/> accepts as two-factor.
    /// </summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded) return SignInResult.Failed;
        var user = assertion.User;
        if (!await CanSignInAsync(user)) return SignInResult.NotAllowed;
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        if (!(await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded) return SignInResult.Failed;
        await SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(AuthenticationMethodClaim, PasskeyMethod)]);
        return SignInResult.Success;
    }

    /// <summary>The claim type Identity writes the sign-in method in (<c>amr</c>, RFC 8176).</summary>
    public const string AuthenticationMethodClaim = "amr";

    /// <summary>The <c>amr</c> value of a passkey sign-in.</summary>
    public const string PasskeyMethod = "pkey";

    /// <summary>
    /// Every sign-in (password, passkey, registration, cookie refresh) ends here: after signing in, the user's stored language
    /// (their <c>locale</c> claim, see <see cref="Localization.UserLocale"/>) is restored into the culture cookie, and,
    /// except for a refresh of the same user's cookie, the browser gets a new buyer key (<see cref="Orders.BuyerKey"/>) and the
    /// user's device cookie (<see cref="SignInDevices"/>).
    /// </summary>
    public override async Task SignInWithClaimsAsync(IdentityUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (Context.Response.HasStarted) return;
        if (!_refreshing)
        {
            Orders.BuyerKey.Renew(Context);
            devices.Remember(Context, user.Id);
        }

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
