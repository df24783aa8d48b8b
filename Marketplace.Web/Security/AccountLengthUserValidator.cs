using Marketplace.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

/// <summary>
/// Refuses a user whose email or user name is longer than <see cref="AccountLimits.MaxEmailLength"/> characters. Identity
/// runs its user validators on every create and update (register, change email, set user name, external logins), so no
/// path stores a longer one; the form shows the error's description.
/// </summary>
public sealed class AccountLengthUserValidator : IUserValidator<IdentityUser>
{
    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user)
    {
        var errors = new List<IdentityError>();
        if (user.Email is { Length: > AccountLimits.MaxEmailLength })
            errors.Add(new IdentityError { Code = "EmailTooLong", Description = $"The email is at most {AccountLimits.MaxEmailLength} characters." });
        if (user.UserName is { Length: > AccountLimits.MaxEmailLength })
            errors.Add(new IdentityError { Code = "UserNameTooLong", Description = $"The user name is at most {AccountLimits.MaxEmailLength} characters." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
