using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Listings;
using Marketplace.Core.Orders;
using Marketplace.Core.Invoices;
using Marketplace.Core.Payouts;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// The marketplace's database: Identity tables, the domain, the webhook inbox and the Data Protection keys shared by
/// every web instance. Provider-specific subclasses (<see cref="SqliteMarketplaceDbContext"/>,
/// <see cref="SqlServerMarketplaceDbContext"/>) only carry their own migrations; resolve this type everywhere.
/// </summary>
public class MarketplaceDbContext : IdentityDbContext, IDataProtectionKeyContext
{
    protected MarketplaceDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<CreatorProfile> CreatorProfiles => Set<CreatorProfile>();

    public DbSet<CreatorStripeAccount> CreatorStripeAccounts => Set<CreatorStripeAccount>();

    /// <summary>The payout schedule an admin chose for every creator and its rollout (one row at most).</summary>
    public DbSet<PlatformPayoutSchedule> PlatformPayoutSchedules => Set<PlatformPayoutSchedule>();

    /// <summary>Slugs a shop gave up, answered with a 301 to its current address (<see cref="Shops.FormerSlug"/>).</summary>
    public DbSet<Shops.FormerSlug> FormerSlugs => Set<Shops.FormerSlug>();

    /// <summary>Page views per shop, page and day (<see cref="PageViews.PageViewDay"/>).</summary>
    public DbSet<PageViews.PageViewDay> PageViewDays => Set<PageViews.PageViewDay>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanPrice> PlanPrices => Set<PlanPrice>();

    public DbSet<CreatorSubscription> CreatorSubscriptions => Set<CreatorSubscription>();

    public DbSet<StripeWebhookEvent> StripeWebhookEvents => Set<StripeWebhookEvent>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Listing> Listings => Set<Listing>();

    /// <summary>The categories a listing is put in (<see cref="Categories.Category"/>).</summary>
    public DbSet<Categories.Category> Categories => Set<Categories.Category>();

    /// <summary>Creators' membership tiers.</summary>
    public DbSet<Memberships.MembershipTier> MembershipTiers => Set<Memberships.MembershipTier>();

    /// <summary>Users' memberships of creators.</summary>
    public DbSet<Memberships.Membership> Memberships => Set<Memberships.Membership>();

    /// <summary>Paid membership invoices.</summary>
    public DbSet<Memberships.MembershipPayment> MembershipPayments => Set<Memberships.MembershipPayment>();

    /// <summary>Creators' posts, public or for members.</summary>
    public DbSet<Memberships.Posts.MembershipPost> MembershipPosts => Set<Memberships.Posts.MembershipPost>();

    public DbSet<ListingImage> ListingImages => Set<ListingImage>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Payout> Payouts => Set<Payout>();

    /// <summary>The files buyers of a listing get once paid.</summary>
    public DbSet<Deliveries.ListingFile> ListingFiles => Set<Deliveries.ListingFile>();

    /// <summary>The download log: one row per download a buyer started.</summary>
    public DbSet<Deliveries.FileDownload> FileDownloads => Set<Deliveries.FileDownload>();

    /// <summary>The emails to send and sent (table <c>EmailOutbox</c>).</summary>
    public DbSet<Emails.OutboxEmail> OutboxEmails => Set<Emails.OutboxEmail>();

    /// <summary>"Find my orders" links already opened (<see cref="Buyers.UsedOrdersLink"/>).</summary>
    public DbSet<Buyers.UsedOrdersLink> UsedOrdersLinks => Set<Buyers.UsedOrdersLink>();

    /// <summary>The admin's visibility and featured place of shops (<see cref="Moderation.ShopModeration"/>).</summary>
    public DbSet<Moderation.ShopModeration> ShopModerations => Set<Moderation.ShopModeration>();

    /// <summary>The admin's visibility of listings (<see cref="Moderation.ListingModeration"/>).</summary>
    public DbSet<Moderation.ListingModeration> ListingModerations => Set<Moderation.ListingModeration>();

    /// <summary>Who moderated what, when and why (table <c>ModerationLog</c>).</summary>
    public DbSet<Moderation.ModerationLogEntry> ModerationLog => Set<Moderation.ModerationLogEntry>();
    /// <summary>Failed password checks per account, address and both (<see cref="SignInThrottling.SignInThrottle"/>).</summary>
    public DbSet<SignInThrottling.SignInFailureCounter> SignInFailureCounters => Set<SignInThrottling.SignInFailureCounter>();

    /// <inheritdoc />
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so a reordered enum never corrupts rows and the tables read well.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Every time is UTC; SQLite does not keep DateTimeKind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
