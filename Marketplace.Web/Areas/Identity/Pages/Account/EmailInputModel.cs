using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>The one-field form of the pages that email a link (ForgotPassword, ResendEmailConfirmation).</summary>
public sealed class EmailInputModel
{
    [Required, EmailAddress, StringLength(AccountLimits.MaxEmailLength)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
