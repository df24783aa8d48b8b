using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Data;
using Marketplace.Web.Caching;
using Marketplace.Web.Configuration;
using Marketplace.Web.Creators;
using Marketplace.Web.Emails;
using Marketplace.Web.Health;
using Marketplace.Web.Jobs;
using Marketplace.Web.Orders;
using Marketplace.Web.Security;
using Marketplace.Web.StripeBudget;
#if STRIPE_EMULATOR
using Marketplace.Web.StripeEmulation;
#endif
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web;

/// <summary>Everything the web app registers, in one place.</summary>
public static class DependencyInjection
{
    /// <summary>Adds Core, Identity (roles Creator and Admin), MVC, Hangfire, health checks and shared Data Protection keys.</summary>
    public static WebApplicationBuilder AddMarketplaceWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddMarketplaceCore(builder.Configuration, contentRoot);
        Configuration.StripeModeGuard.RefuseImplicitEmulatorInProduction(builder.Configuration, builder.Environment);
#if STRIPE_EMULATOR
        services.AddStripeEmulatorIfNeeded(builder.Configuration); // before Hangfire: jobs may call Stripe at once
#else
        RefuseEmulatorMode(builder.Configuration);
#endif

        services.AddDefaultIdentity<IdentityUser>(options =>
            {
                // Signing in needs the confirmed address: the sign-up pages then answer alike whether an email has an account.
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                // Passwords are throttled by Security/ThrottledSignInManager.cs (failures per account and address, device
                // cookies), not by Identity's lockout; Identity's lockout keeps closed accounts shut and counts wrong
                // two-factor codes (5, then 15 minutes: only someone who knows the password gets there).
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // AddDefaultIdentity caps login/token keys at 128, which `dotnet ef` (no app services) never sees: the
                // migrations were made without it, and on PostgreSQL (varchar) and SQL Server it read as a pending change.
                options.Stores.MaxLengthForKeys = 0;
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager<Security.ThrottledSignInManager>()
            .AddUserValidator<AccountLengthUserValidator>()
            .AddErrorDescriber<Localization.LocalizedIdentityErrors>()
            .AddEntityFrameworkStores<MarketplaceDbContext>();
        // Security:* (Security/SecurityOptions): another browser's session ends within SessionValidationSeconds of a password
        // change, reset or "Sign out everywhere else"; passkeys' relying party is the request's host unless Passkeys:ServerDomain names it.
        services.AddSecurityOptions(builder.Configuration);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // The re-read principal keeps how the session signed in (a passkey counts as two-factor for admins).
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(Security.ThrottledSignInManager.AuthenticationMethodClaim) is { } amr
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && !identity.HasClaim(amr.Type, amr.Value))
                    identity.AddClaim(new System.Security.Claims.Claim(amr.Type, amr.Value));
                return Task.CompletedTask;
            };
        });
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<IPasskeyHandler<IdentityUser>, PasskeyHandler<IdentityUser>>(services);
        services.ConfigureApplicationCookie(options =>
        {
            // A signed-in user without the role gets a real 403 (rendered by the status code page), not a 302.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // On the login and logout paths the cookie handler itself redirects to the ReturnUrl query value (already
            // host-relative there); one with non-ASCII characters cannot be a Location header (Kestrel throws): go home.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(Security.LocalRedirectGuardFilter.FitsLocationHeader(context.RedirectUri) ? context.RedirectUri : "/");
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Creator, policy => policy.RequireRole(Roles.Creator).AddRequirements(new CreatorProfileRequirement()));
        services.AddHttpContextAccessor();
        services.AddSingleton<SignInDevices>();
        services.AddScoped<PasswordAttempts>();
        services.AddScoped<CurrentCreator>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CreatorProfileHandler>();

        // Keys in the database: cookies and antiforgery tokens work on every replica.
        services.AddDataProtection().SetApplicationName("Marketplace").PersistKeysToDbContext<MarketplaceDbContext>();

        services.AddControllersWithViews().AddMarketplaceLocalization();
        services.AddSingleton<Errors.PageReExecution>();
        services.AddExceptionHandler<Errors.ExceptionResponses>(); // Stripe failures and domain rules: pages and ProblemDetails (Errors/)
        services.AddMarketplaceSecurityHeaders();
        services.AddMarketplaceForwardedHeaders(builder.Configuration); // X-Forwarded-* from ForwardedHeaders:KnownProxies/KnownNetworks only
        services.AddSingleton<Configuration.PublicUrls>();
        services.AddSingleton<Listings.ListingImageUploads>();
        services.AddMarketplaceRequestCultures(builder.Configuration);
        services.AddMarketplaceOutputCache(builder.Configuration); // anonymous /, /pricing (Caching/PageOutputCaching.cs)
        // Pages are French and English: letters such as é and € are written as they are, not as &#xE9; (HTML's own characters stay encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMarketplaceRateLimiting(builder.Configuration);
        services.AddSingleton<Orders.OrdersByEmailLimiter>();
        services.AddRazorPages(o => o.RemoveUnusedIdentityPages()).AddViewLocalization(); // Identity UI pages the app does not use answer 404 (Security/UnusedIdentityPages.cs)
        services.AddMarketplaceEmailTemplates();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new Security.LocalRedirectGuardFilter())); // returnUrl to another host → home
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new AccountFieldLengthFilter())); // emails ≤ 254 on the Identity pages
        services.AddHealthChecks().AddDbContextCheck<MarketplaceDbContext>("database", tags: ["ready"]);
        services.AddMarketplaceHangfire(builder.Configuration, contentRoot);
        services.AddHostedService<StartupSummary>(); // the URL, database files, Stripe mode and dev admin, once listening
        return builder;
    }

#if !STRIPE_EMULATOR
    /// <summary>A build without the emulator (<c>IncludeStripeEmulator=false</c>) cannot run in emulator mode: say so at start.</summary>
    /// <exception cref="InvalidOperationException">No <c>Stripe:SecretKey</c>, or <c>Stripe:Mode=Emulator</c>.</exception>
    private static void RefuseEmulatorMode(IConfiguration configuration)
    {
        var stripe = configuration.GetSection(StripeGateway.StripeOptions.SectionName).Get<StripeGateway.StripeOptions>() ?? new();
        if (stripe.UsesEmulator)
            throw new InvalidOperationException(
                "This build of Marketplace.Web has no Stripe emulator (published with IncludeStripeEmulator=false): set Stripe:SecretKey "
                + "(environment variable Stripe__SecretKey) and leave Stripe:Mode at Auto or Stripe.");
    }
#endif

    /// <summary>Migrates and seeds the database (see <see cref="DatabaseInitializer"/>) before the app serves anything.</summary>
    public static async Task InitializeMarketplaceAsync(this WebApplication app)
    {
        Jobs.SingleProcessDatabaseWarning.WarnIfMultiProcessOnSqlite(app.Configuration, app.Logger);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        app.ScheduleMarketplaceJobs();
    }

    /// <summary>The request pipeline: errors, static files, auth, MVC, Identity pages, health, Hangfire dashboard.</summary>
    public static WebApplication UseMarketplaceWeb(this WebApplication app)
    {
        app.UseInteractiveStripeLane(); // a web request's Stripe calls have the budget's reserved share; jobs stay in the background lane
        app.UseMarketplaceSecurityHeaders();
        // Errors/ExceptionResponses answers Stripe failures and domain rules in every environment; what it leaves goes to
        // the error page (503 for a Stripe outage), or in Development back to the developer exception page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = app.Environment.IsDevelopment() ? null : "/Home/Error",
            ExceptionHandler = app.Environment.IsDevelopment() ? RethrowToDeveloperPage : null,
            StatusCodeSelector = Errors.ExceptionResponses.StatusCodeFor,
        });
        Errors.PageReExecution.UsePageReExecution(app); // what ExceptionResponses runs again to show a page in place of a failed request
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization(); // the pages' language and the culture forms read amounts in (Configuration/RequestCultures.cs)
        app.UseRouting();
        app.UseAuthentication();
        app.UseAdminTwoFactor(); // an admin without two-factor is sent to set it up before /admin and the dashboard
        app.UseAuthorization();
        app.UseMiddleware<PageViews.PageViewCounting>(); // before the output cache, so cached shop pages are counted too
        app.UseOutputCache(); // after localization (the key varies by culture) and authentication (never a signed-in page)
        app.UseRateLimiter(); // after authentication (Buy's policy asks who is signed in) and the status pages (a 429 is a page)

        app.MapHealthEndpoints();
        app.MapMarketplaceHangfireDashboard();
        app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
        app.MapRazorPages();
        return app;
    }

    /// <summary>Development only: an exception no handler took goes on to the developer exception page.</summary>
    private static Task RethrowToDeveloperPage(HttpContext context)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()!.Error);
        return Task.CompletedTask;
    }
}
