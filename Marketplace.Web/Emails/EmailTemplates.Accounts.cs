using K = Marketplace.Core.Emails.EmailModelKeys;

namespace Marketplace.Web.Emails;

/// <summary>The account owner's security emails.</summary>
public sealed partial class EmailTemplates
{
    private EmailContent SignInGuessing(Model m) => new(T("Someone is trying to guess your password"),
        [T("Since {0}, sign-ins to your Marketplace account have failed again and again with a wrong password.", m.Date()),
            T("If it was not you, someone may be guessing it. The browsers you signed in with before can still sign in; other attempts are slowed down."),
            T("If your password is short or used elsewhere, change it now.")],
        new(T("Change my password"), links.For("/Identity/Account/Manage/ChangePassword")), []);

    private EmailContent RegistrationAttempt(Model m) => new(T("Someone tried to sign up with your address"),
        [T("On {0}, someone tried to create a Marketplace account with this email address, which already has an account. Nothing was changed and no one was signed in.", m.Date()),
            T("If it was you, sign in with your password, or choose a new one if you forgot it."),
            T("If it was not you, you have nothing to do.")],
        new(T("Choose a new password"), links.For("/Identity/Account/ForgotPassword")), []);
}
