using Marketplace.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

/// <summary>
/// Admins must use two-factor authentication: a signed-in admin whose account has it off, and who did not sign in with
/// a passkey (a passkey is phishing-resistant and user-verified: it counts as two factors, see
/// <see cref="ThrottledSignInManager.PasskeySignInAsync"/>), is sent (302) to the authenticator set-up page, with the page asked for as <c>returnUrl</c>, before any <c>/admin</c> page or the Hangfire
/// dashboard answers. Read from the database on each of those requests (one query), so turning it off takes effect at
/// once. <c>Security:RequireAdminTwoFactor</c> (<see cref="SecurityOptions.RequireAdminTwoFactor"/>, default true) turns the rule off, for tests that are about something else.
/// </summary>
public static class AdminTwoFactor
{
    /// <summary>Where an admin without two-factor is sent.</summary>
    public const string SetupPath = "/Identity/Account/Manage/EnableAuthenticator";

    /// <summary>Adds the rule to the pipeline (after authentication) unless <see cref="SecurityOptions.RequireAdminTwoFactor"/> is false.</summary>
    public static WebApplication UseAdminTwoFactor(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.RequireAdminTwoFactor) return app;
        var dashboard = app.Configuration.GetSection(Jobs.HangfireOptions.SectionName).Get<Jobs.HangfireOptions>()?.DashboardPath ?? "/hangfire";
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(dashboard, StringComparison.OrdinalIgnoreCase))
                && context.User.IsInRole(Roles.Admin)
                && !context.User.HasClaim(ThrottledSignInManager.AuthenticationMethodClaim, ThrottledSignInManager.PasskeyMethod))
            {
                var users = context.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
                if (await users.GetUserAsync(context.User) is { } user && !await users.GetTwoFactorEnabledAsync(user))
                {
                    var back = context.Request.PathBase + path + context.Request.QueryString;
                    context.Response.Redirect($"{SetupPath}?required=true&returnUrl={Uri.EscapeDataString(back)}");
                    return;
                }
            }

            await next(context);
        });
        return app;
    }
}
