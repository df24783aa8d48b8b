using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// Identity's error messages (<see cref="IdentityErrorDescriber"/>) in the request's language, from <see cref="SharedResource"/>:
/// the ones the Register and Change password pages can show. The codes stay Identity's.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError DefaultError() => Error(base.DefaultError(), text["An unknown failure has occurred."]);

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => Error(base.PasswordMismatch(), text["Incorrect password."]);

    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => Error(base.PasswordTooShort(length), text["Passwords must be at least {0} characters.", length]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(base.PasswordRequiresUniqueChars(uniqueChars), text["Passwords must use at least {0} different characters.", uniqueChars]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(base.PasswordRequiresNonAlphanumeric(), text["Passwords must have at least one non alphanumeric character."]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() => Error(base.PasswordRequiresDigit(), text["Passwords must have at least one digit ('0'-'9')."]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() => Error(base.PasswordRequiresLower(), text["Passwords must have at least one lowercase ('a'-'z')."]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() => Error(base.PasswordRequiresUpper(), text["Passwords must have at least one uppercase ('A'-'Z')."]);

    /// <inheritdoc />
    public override IdentityError InvalidEmail(string? email) => Error(base.InvalidEmail(email), text["Email '{0}' is invalid.", email ?? ""]);

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Error(base.InvalidUserName(userName), text["Username '{0}' is invalid, can only contain letters or digits.", userName ?? ""]);

    private static IdentityError Error(IdentityError english, string description) => new() { Code = english.Code, Description = description };
}
