using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Security;

/// <summary>
/// The pages of Identity UI (<c>Microsoft.AspNetCore.Identity.UI</c>) that this app does not use and does not link to:
/// Identity's own two-factor pages other than the three scaffolded here (<c>LoginWith2fa</c>, <c>Manage/EnableAuthenticator</c>,
/// <c>Manage/TwoFactorAuthentication</c>, which do their work in fewer pages), external logins, the email change, setting a password for an external
/// login and the personal data download. Left routed, they answer in English, some throw (500) outside a two-factor
/// sign-in, and the email change would send mail this app never wrote. Their routes are removed
/// (<see cref="PageRouteModel.Selectors"/> cleared by an area folder route model convention,
/// https://learn.microsoft.com/aspnet/core/razor-pages/razor-pages-conventions), so they answer 404 like any unknown
/// path and are not in the endpoint data source. The pages the app does use are scaffolded under
/// <c>Areas/Identity/Pages/Account</c>.
/// </summary>
public static class UnusedIdentityPages
{
    /// <summary>The removed pages, as paths: <c>/Identity/Account/LoginWithRecoveryCode</c>, <c>/Identity/Account/Manage/Email</c>, …</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "/Identity/Account/ConfirmEmailChange", "/Identity/Account/ExternalLogin",
        "/Identity/Account/LoginWithRecoveryCode", "/Identity/Account/Manage/Disable2fa", "/Identity/Account/Manage/DownloadPersonalData",
        "/Identity/Account/Manage/Email", "/Identity/Account/Manage/ExternalLogins",
        "/Identity/Account/Manage/GenerateRecoveryCodes", "/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/ResetAuthenticator",
        "/Identity/Account/Manage/SetPassword", "/Identity/Account/Manage/ShowRecoveryCodes",
    ];

    private static readonly HashSet<string> ViewEnginePaths = [.. Paths.Select(p => p["/Identity".Length..])];

    /// <summary>Removes the routes of <see cref="Paths"/> from Razor Pages.</summary>
    public static RazorPagesOptions RemoveUnusedIdentityPages(this RazorPagesOptions options)
    {
        options.Conventions.AddAreaFolderRouteModelConvention("Identity", "/Account", model =>
        {
            if (ViewEnginePaths.Contains(model.ViewEnginePath)) model.Selectors.Clear();
        });
        return options;
    }
}
