using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>An email and a new password typed twice: the fields Register and ResetPassword share.</summary>
public class CredentialsInputModel
{
    [Required, EmailAddress, StringLength(AccountLimits.MaxEmailLength)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required, StringLength(100, MinimumLength = 8, ErrorMessage = "The {0} must be at least {2} characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
