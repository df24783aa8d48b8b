using Marketplace.Core.Registration;
using Marketplace.Core.Categories;
using Marketplace.Core.Search;
using Marketplace.Core.Accounts;
using Marketplace.Core.Admin;
using Marketplace.Core.Buyers;
using Marketplace.Core.CheckoutClosing;
using Marketplace.Core.Connect;
using Marketplace.Core.CreatorHome;
using Marketplace.Core.PageViews;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Deliveries;
using Marketplace.Core.Disputes;
using Marketplace.Core.Emails;
using Marketplace.Files;
using Marketplace.Core.Images;
using Marketplace.Core.Invoices;
using Marketplace.Core.Listings;
using Marketplace.Locking;
using Marketplace.Markdown;
using Marketplace.Core.Moderation;
using Marketplace.Core.Memberships;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;
using Marketplace.Core.PlanCheckout;
using Marketplace.Core.Plans;
using Marketplace.Core.PriceSync;
using Marketplace.Core.Refunds;
using Marketplace.Core.Seeding;
using Marketplace.Core.Shops;
using Marketplace.Core.SignInThrottling;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Core;

/// <summary>Registers Core: its options, the database, Stripe's client and gateway, locks, and each feature through its own <c>Add{Feature}</c>.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds Core's services. Options are validated at start-up (<c>ValidateOnStart</c>): a misconfigured app refuses to
    /// start with a message naming the key.
    /// </summary>
    public static IServiceCollection AddMarketplaceCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Accounts.AppOptions>().Bind(configuration.GetSection(Accounts.AppOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>();
        services.AddSingleton<IValidateOptions<SeedOptions>, SeedOptionsValidator>();

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddMarketplaceDatabase(configuration, database, contentRoot);

        services.AddScoped<CreatorRegistration>();
        services.AddScoped<AccountDeletion.CreatorAccountDeletion>();
        services.AddScoped<CreatorQueries>();
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
        services.AddConnect();
        services.AddPlans();
        services.AddPriceSync();
        services.AddPlanCheckout();
        services.AddSubscriptions();
        services.AddInvoices();
        services.AddListings();
        services.AddCategories();
        services.AddSearch(database.Provider);
        services.AddMemberships(configuration);
        services.AddOrders(configuration);
        services.AddRefunds(configuration);
        services.AddDisputes(configuration);
        services.AddPayouts();
        services.AddCheckoutClosing();
        services.AddMarketplaceAdmin();
        services.AddShops();
        services.AddBuyers(configuration);
        services.AddRegistration();
        services.AddModeration();
        services.AddSignInThrottling(configuration);
        services.AddCreatorHome();
        services.AddPageViews(configuration);
        services.AddListingImages(configuration, contentRoot);
        services.AddMarkdown();
        services.AddMarketplaceEmails(contentRoot);
        services.AddFileStore(configuration, contentRoot);
        services.AddDeliveries(configuration);
        return services;
    }
}
