using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Marketplace.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Connect;

/// <summary>
/// Sends a creator to Stripe's hosted Connect onboarding: creates their Express account once (ever, with the platform's
/// payout schedule, or manual while new creators are held: <see cref="PayoutControl"/>), records it in
/// <see cref="CreatorStripeAccount"/>, and creates an account link (https://docs.stripe.com/connect/express-accounts).
/// </summary>
public sealed class ConnectOnboarding(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    IDistributedLocks locks,
    IOptions<StripeOptions> options,
    PayoutControl payouts,
    ILogger<ConnectOnboarding> logger)
{
    /// <summary>The platform's country (<c>Stripe:PlatformCountry</c>), upper case.</summary>
    public string PlatformCountry => options.Value.PlatformCountry.ToUpperInvariant();

    /// <summary>
    /// The country preselected in the onboarding's list: <c>Stripe:ConnectDefaultCountry</c> when the platform can pay
    /// creators there, else <see cref="PlatformCountry"/>.
    /// </summary>
    public string DefaultCountry =>
        ConnectCountries.CanPlatformPay(PlatformCountry, options.Value.ConnectDefaultCountry)
            ? options.Value.ConnectDefaultCountry.ToUpperInvariant()
            : PlatformCountry;

    /// <summary>
    /// Why a creator in <paramref name="country"/> cannot get an account from this platform, or null when they can:
    /// a country outside <see cref="ConnectCountries"/>, or one outside the platform's region, which destination charges
    /// cannot pay (https://docs.stripe.com/connect/destination-charges). Asks nothing of Stripe.
    /// </summary>
    public CoreMessage? WhyNot(string? country)
    {
        var chosen = ConnectCountries.Find(country);
        if (chosen is null) return "Choose your country from the list.";
        if (ConnectCountries.CanPlatformPay(PlatformCountry, chosen.Code)) return null;
        var platform = ConnectCountries.Find(PlatformCountry)!;
        return CoreMessage.Of(
            "This marketplace cannot pay creators in {0}: Stripe pays a creator through this marketplace only in the marketplace's own region, {1}. Nothing was sent to Stripe.",
            chosen.Name, platform.Region == ConnectCountries.Europe ? new CoreWord("Europe (EEA, United Kingdom, Switzerland)") : platform.Name);
    }

    /// <summary>
    /// Returns a fresh onboarding URL (<c>account_link.url</c>) for creator <paramref name="creatorProfileId"/>, creating
    /// their Express account (in <paramref name="country"/>, ISO 3166-1 alpha-2, with <paramref name="email"/>) and our
    /// row first if they have none (<paramref name="country"/> empty: <see cref="DefaultCountry"/>); a creator who has one
    /// keeps its country and <paramref name="country"/> is ignored.
    /// A retry after a failure reuses the account: our row if it was stored, else Stripe replays the create for the same
    /// idempotency key. <paramref name="refreshUrl"/> and <paramref name="returnUrl"/> are absolute.
    /// </summary>
    /// <exception cref="DomainException">No account yet and <see cref="WhyNot"/> refuses <paramref name="country"/>: nothing was sent to Stripe.</exception>
    /// <exception cref="Stripe.StripeException">Stripe refused or failed a call.</exception>
    /// <exception cref="HttpRequestException">Stripe could not be reached.</exception>
    /// <exception cref="TaskCanceledException">A Stripe call timed out.</exception>
    public async Task<string> StartAsync(int creatorProfileId, string email, string? country, string refreshUrl, string returnUrl, CancellationToken cancellationToken = default)
    {
        var accountId = await EnsureAccountAsync(creatorProfileId, email, country, cancellationToken);
        var link = await stripe.CreateOnboardingLinkAsync(accountId, refreshUrl, returnUrl, cancellationToken);
        logger.LogInformation("Onboarding link created for Connect account {StripeAccountId} of creator {CreatorId}", accountId, creatorProfileId);
        return link.Url;
    }

    private async Task<string> EnsureAccountAsync(int creatorProfileId, string email, string? country, CancellationToken cancellationToken)
    {
        var existing = await AccountIdAsync(creatorProfileId, cancellationToken);
        if (existing is not null) return existing;
        if (string.IsNullOrWhiteSpace(country)) country = DefaultCountry;
        if (WhyNot(country) is { } refused) throw new DomainException(refused);

        using var creatorLock = await locks.AcquireAsync($"connect-onboarding:creator:{creatorProfileId}", TimeSpan.FromMinutes(1), cancellationToken);
        existing = await AccountIdAsync(creatorProfileId, cancellationToken);
        if (existing is not null) return existing;

        var account = await stripe.CreateExpressAccountAsync(creatorProfileId, email, ConnectCountries.Find(country)!.Code, cancellationToken, await payouts.ScheduleForNewAccountAsync(cancellationToken));
        // The Connect webhook may have linked it already (account.updated with metadata[creator_id]).
        if (await db.CreatorStripeAccounts.AnyAsync(a => a.StripeAccountId == account.Id, cancellationToken)) return account.Id;
        var row = new CreatorStripeAccount(creatorProfileId, account.Id);
        row.ApplyCountry(account.Country, account.DefaultCurrency);
        payouts.StartHoldIfConfigured(row);
        db.CreatorStripeAccounts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance (or the Connect webhook) inserted the row between our check and our insert: theirs is the one.
            db.ChangeTracker.Clear();
            var linked = await AccountIdAsync(creatorProfileId, cancellationToken);
            if (linked is null) throw;
            return linked;
        }

        logger.LogInformation("Created Connect account {StripeAccountId} for creator {CreatorId}", account.Id, creatorProfileId);
        return account.Id;
    }

    private Task<string?> AccountIdAsync(int creatorProfileId, CancellationToken cancellationToken) =>
        db.CreatorStripeAccounts.AsNoTracking().Where(a => a.CreatorProfileId == creatorProfileId)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
}
