using Marketplace.Core.Admin;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Marketplace.Core.Seeding;
using Marketplace.Core.Locking;
using Marketplace.Core.StripeGateway;
using Marketplace.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Core;

/// <summary>Registers Core's services: options, database, registration, seeding, Connect onboarding and the payment guard.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds Core's services. Options are validated at start-up (<c>ValidateOnStart</c>): a misconfigured app refuses to
    /// start with a message naming the key.
    /// </summary>
    public static IServiceCollection AddMarketplaceCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>();
        services.AddSingleton<IValidateOptions<SeedOptions>, SeedOptionsValidator>();

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddMarketplaceDatabase(configuration, database, contentRoot);

        services.AddScoped<CreatorRegistration>();
        services.AddScoped<AccountDeletion.CreatorAccountDeletion>();
        services.AddScoped<CreatorQueries>();
        services.AddScoped<PaymentEligibility>();
        services.AddScoped<ConnectOnboarding>();
        services.AddScoped<Plans.PlanQueries>();
        services.AddScoped<Plans.PlanCatalogCache>();
        services.AddScoped<Plans.PlanCatalogAdmin>();
        services.AddScoped<PlanSeeder>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DatabaseInitializer>();

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => StripeClientFactory.Create(sp.GetRequiredService<IOptions<StripeOptions>>()));
        services.AddScoped<IStripeGateway, StripeGateway.StripeGateway>();
        // One process owns a SQLite file: in-process locks. A server database serves several instances: locks owned by a
        // database session, released when the session ends, a killed process included: on SQL Server Hangfire's storage
        // locks (sp_getapplock), on PostgreSQL advisory locks (Hangfire.PostgreSql's lock rows outlive a killed process).
        if (database.Provider == DatabaseProvider.Postgres)
            services.AddSingleton<IDistributedLocks>(new PostgresAdvisoryLocks(ServerDatabase.ConnectionString(configuration, database.Provider)));
        else if (database.Provider.IsServer()) services.AddSingleton<IDistributedLocks, HangfireDistributedLocks>();
        else services.AddSingleton<IDistributedLocks, InProcessLocks>();
        services.AddStripeWebhooks();
        services.AddScoped<PriceSync.PlanPriceSync>();
        services.AddScoped<PriceSync.PriceSyncJob>();
        services.AddScoped<PlanCheckout.CreatorCheckout>();
        services.AddMarketplaceAdmin();
        services.AddScoped<Subscriptions.SubscriptionManagement>();
        services.AddScoped<Subscriptions.BillingOverviewQuery>();
        services.AddScoped<Listings.CreatorListings>();
        services.AddScoped<Listings.Storefront>();
        services.AddOptions<Images.ListingImageOptions>().Bind(configuration.GetSection(Images.ListingImageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Images.ImageRenditions>();
        services.AddSingleton<Images.IImageStore>(sp => new Images.LocalImageStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Images.ListingImageOptions>>(), contentRoot));
        services.AddSingleton<Markdown.MarkdownText>();
        services.AddOptions<Orders.OrderOptions>().Bind(configuration.GetSection(Orders.OrderOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Orders.MinimumChargeAmounts>();
        services.AddScoped<Orders.ListingPurchase>();
        services.AddScoped<Orders.OrderCheckoutCompletion>();
        services.AddScoped<Orders.OrderQueries>();
        services.AddScoped<Orders.CreatorSales>();
        services.AddScoped<ExpressDashboard>();
        services.AddScoped<Payouts.PayoutQueries>();
        services.AddMarketplaceEmails(contentRoot);
        return services;
    }
}
