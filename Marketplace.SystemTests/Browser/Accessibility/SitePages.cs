namespace Marketplace.SystemTests.Browser.Accessibility;

/// <summary>
/// The pages the accessibility audit visits, per role. Not audited: the Hangfire dashboard (<c>/hangfire</c>, a
/// third-party UI), the emulator's hosted Stripe pages (Stripe's own, not the app's), file downloads and CSV exports
/// (not pages), and pages that only exist mid-flow (checkout success/cancel redirects, the plan-change confirmation,
/// the 2FA sign-in step, reset-password links).
/// </summary>
public static class SitePages
{
    /// <summary>The four kinds of visitor, each in its own browser context.</summary>
    public static readonly string[] Roles = ["visitor", "creator", "buyer", "admin"];

    /// <summary>A page to audit and the status it answers with.</summary>
    public sealed record Page(string Path, int Status = 200);

    /// <summary>The objects the audited pages show: a creator's shop with one listing, a buyer's order, a webhook, a plan.</summary>
    public sealed record Site(string CreatorEmail, string CreatorPassword, string BuyerEmail, string BuyerPassword, int CreatorId, string Slug,
        int ListingId, string BuyerOrderToken, long WebhookEventId, int PlanId)
    {
        /// <summary>Who signs in for <paramref name="role"/>; null for the visitor.</summary>
        public (string Email, string Password)? SignIn(string role) => role switch
        {
            "creator" => (CreatorEmail, CreatorPassword),
            "buyer" => (BuyerEmail, BuyerPassword),
            "admin" => (Marketplace.Tests.Infrastructure.MarketplaceFactory.AdminEmail, Marketplace.Tests.Infrastructure.MarketplaceFactory.AdminPassword),
            _ => null,
        };
    }

    /// <summary>The pages <paramref name="role"/> is audited on.</summary>
    public static IReadOnlyList<Page> For(string role, Site site) => role switch
    {
        "visitor" =>
        [
            new("/"), new("/search?q=poster"), new($"/c/{site.Slug}"), new($"/c/{site.Slug}/{site.ListingId}"), new("/pricing"),
            new("/start-selling"), new("/orders/find"), new($"/orders/{site.BuyerOrderToken}"),
            new("/Identity/Account/Login"), new("/Identity/Account/Register"), new("/Identity/Account/RegisterBuyer"),
            new("/Identity/Account/ForgotPassword"), new("/Identity/Account/ResendEmailConfirmation"),
            new("/Identity/Account/AccessDenied"), new("/Identity/Account/Lockout"), new("/no-such-page", 404),
        ],
        "creator" =>
        [
            new("/creator"), new("/creator/shop"), new("/creator/listings"), new("/creator/listings/new"),
            new($"/creator/listings/{site.ListingId}/edit"), new($"/creator/listings/{site.ListingId}/files"), new("/creator/sales"),
            new("/creator/subscription"), new("/creator/subscription/upgrade"), new("/creator/memberships"), new("/creator/memberships/new"),
            new("/creator/connect"), new("/Identity/Account/Manage"), new("/Identity/Account/Manage/ChangePassword"),
            new("/Identity/Account/Manage/TwoFactorAuthentication"), new("/Identity/Account/Manage/EnableAuthenticator"),
            new("/Identity/Account/Manage/Passkeys"), new("/Identity/Account/Manage/DeletePersonalData"),
        ],
        "buyer" =>
        [
            new("/purchases"), new($"/orders/{site.BuyerOrderToken}"), new("/memberships"), new("/Identity/Account/Manage"),
        ],
        "admin" =>
        [
            new("/admin"), new("/admin/creators"), new("/admin/subscriptions"), new("/admin/orders"), new("/admin/owed"),
            new("/admin/moderation"), new($"/admin/moderation/shops/{site.CreatorId}"), new("/admin/webhooks"),
            new($"/admin/webhooks/{site.WebhookEventId}"), new("/admin/plans"), new("/admin/plans/new"), new($"/admin/plans/{site.PlanId}/edit"),
            new("/admin/categories"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
