using Marketplace.Core.Accounts;
using System.Globalization;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Listings;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Core.Orders;

/// <summary>Who clicked Buy, on what, and where Stripe sends them back.</summary>
/// <param name="Slug">The shop in the URL.</param>
/// <param name="ListingId">The listing in the URL.</param>
/// <param name="BuyerKey">The browser's random id (a cookie): the same browser and listing reuse one pending order.</param>
/// <param name="BuyerUserId">The signed-in user's id; null for a visitor.</param>
/// <param name="BuyerEmail">The signed-in user's email, sent as <c>customer_email</c>; null lets Checkout collect it.</param>
/// <param name="PreferredLanguages">The buyer's language tags, best first (<c>Accept-Language</c>).</param>
/// <param name="SuccessUrl">The absolute success URL for an order token; it must contain <c>{CHECKOUT_SESSION_ID}</c>.</param>
/// <param name="CancelUrl">The absolute URL Checkout's back link returns to.</param>
/// <param name="PublicImageUrl">
/// The absolute public HTTPS URL of an image store key, or null when the app has none (Stripe shows only images it can
/// fetch over HTTPS from the internet): the listing's cover is then left out of Checkout.
/// </param>
public sealed record BuyRequest(string Slug, int ListingId, string BuyerKey, string? BuyerUserId, string? BuyerEmail,
    IReadOnlyList<string> PreferredLanguages, Func<string, string> SuccessUrl, string CancelUrl, Func<string, string?>? PublicImageUrl = null);

/// <summary>
/// A buyer clicking Buy (https://docs.stripe.com/connect/marketplace/tasks/accept-payment/destination-charges): the
/// listing must be visible in the shop, the buyer not its owner, and the shop must pass
/// <see cref="PaymentEligibility.CanCreatorReceivePayments"/> (the same guard as plan selection) before any Stripe call.
/// Then, under a lock per buyer (the signed-in user, else the browser) and listing, the browser's pending order with an
/// open session is reused, but only by the same buyer (the same user id, or no user for a visitor's order), so a session
/// made for one account never reaches another person on a shared browser. A signed-in buyer holding
/// <see cref="OrderOptions.MaxOpenCheckoutsPerBuyer"/> open sessions on the listing is sent to the newest of them.
/// Otherwise a new order snapshots the listing and the plan's commission and gets a destination-charge Checkout Session
/// whose idempotency key comes from the order.
/// </summary>
public sealed class ListingPurchase(
    MarketplaceDbContext db,
    Storefront storefront,
    PaymentEligibility eligibility,
    IStripeGateway stripe,
    IDistributedLocks locks,
    IOptions<OrderOptions> options,
    PlatformFees fees,
    TimeProvider clock,
    Markdown.MarkdownText markdown,
    ILogger<ListingPurchase> logger)
{
    /// <summary>
    /// Longest description sent to Checkout, in characters: the listing's Markdown as plain text, cut at a word. Stripe
    /// accepts up to 40,000 (<c>product_data[description]</c>) but Checkout shows a few lines.
    /// </summary>
    public const int CheckoutDescriptionLength = 300;

    /// <summary>A session-less pending order (Stripe unreachable on the first try) is retried with its key within this window.</summary>
    private static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(1);

    /// <summary>Handles one click on Buy. Never throws for a Stripe refusal or outage: the outcome says what to show.</summary>
    public async Task<BuyResult> BuyAsync(BuyRequest request, CancellationToken cancellationToken = default)
    {
        var shown = await storefront.ListingAsync(request.Slug, request.ListingId, cancellationToken);
        if (shown is null) return new(BuyOutcome.NotFound);
        if (request.BuyerUserId is not null && request.BuyerUserId == shown.CreatorUserId)
            return new(BuyOutcome.OwnListing, "This is your own listing: buyers see a Buy button here.");
        var guard = await eligibility.CanCreatorReceivePayments(shown.CreatorId, cancellationToken);
        if (!guard.IsEligible)
        {
            logger.LogInformation("Buy of listing {ListingId} refused: creator {CreatorId} cannot receive payments ({Unmet})", shown.Listing.Id,
                shown.CreatorId, string.Join(", ", guard.UnmetConditions.Select(c => c.Code)));
            return new(BuyOutcome.ShopCannotTakePayments, "This shop cannot take payments right now. Please try again later.", Eligibility: guard);
        }

        var lockName = request.BuyerUserId is null ? $"buy:{request.BuyerKey}:{shown.Listing.Id}" : $"buy:user:{request.BuyerUserId}:{shown.Listing.Id}";
        using var buyLock = await locks.AcquireAsync(lockName, TimeSpan.FromSeconds(30), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = await ReusableOrderAsync(request, shown.Listing.Id, now, cancellationToken);
        if (order?.HasOpenCheckout(now) == true)
            return new(BuyOutcome.RedirectToCheckout, CheckoutUrl: order.CheckoutUrl, OrderToken: order.PublicToken, Reused: true);
        if (order is null && await NewestOpenPastTheCapAsync(request, shown.Listing.Id, now, cancellationToken) is { } newest)
            return new(BuyOutcome.RedirectToCheckout, CheckoutUrl: newest.CheckoutUrl, OrderToken: newest.PublicToken, Reused: true);
        if (order is null)
        {
            var rateBps = await db.CreatorSubscriptions.Where(s => s.CreatorProfileId == shown.CreatorId)
                .Select(s => (int?)s.Plan!.Capabilities.CommissionRateBps).SingleOrDefaultAsync(cancellationToken);
            if (rateBps is null) return new(BuyOutcome.ShopCannotTakePayments, "This shop cannot take payments right now. Please try again later.");
            order = await NewOrderAsync(shown, request, rateBps.Value, now, cancellationToken);
        }

        return await CreateSessionAsync(order, shown, request, cancellationToken);
    }

    /// <summary>This browser's pending order on the listing, made by this same buyer (user id, or none for a visitor).</summary>
    private async Task<Order?> ReusableOrderAsync(BuyRequest request, int listingId, DateTime now, CancellationToken cancellationToken)
    {
        var retrySince = now - RetryWindow;
        var candidates = await db.Orders
            .Where(o => o.BuyerKey == request.BuyerKey && o.ListingId == listingId && o.Status == OrderStatus.Pending && o.BuyerUserId == request.BuyerUserId)
            .OrderByDescending(o => o.Id).Take(5).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(o => o.HasOpenCheckout(now) || (o.StripeCheckoutSessionId is null && o.CreatedAt > retrySince));
    }

    /// <summary>
    /// The signed-in buyer's newest open order on the listing when they already hold
    /// <see cref="OrderOptions.MaxOpenCheckoutsPerBuyer"/> open sessions on it (from any browser); null otherwise.
    /// </summary>
    private async Task<Order?> NewestOpenPastTheCapAsync(BuyRequest request, int listingId, DateTime now, CancellationToken cancellationToken)
    {
        if (request.BuyerUserId is null) return null;
        var openSince = now.AddMinutes(1); // as Order.HasOpenCheckout: a session about to expire is not offered
        var open = await db.Orders
            .Where(o => o.BuyerUserId == request.BuyerUserId && o.ListingId == listingId && o.Status == OrderStatus.Pending
                && o.CheckoutUrl != null && o.CheckoutExpiresAt > openSince)
            .OrderByDescending(o => o.Id).Take(options.Value.MaxOpenCheckoutsPerBuyer).ToListAsync(cancellationToken);
        return open.Count >= options.Value.MaxOpenCheckoutsPerBuyer ? open[0] : null;
    }

    /// <summary>A Pending order snapshotting the listing and the plan's commission rate now (<paramref name="rateBps"/>).</summary>
    private async Task<Order> NewOrderAsync(StorefrontListing shown, BuyRequest request, int rateBps, DateTime now, CancellationToken cancellationToken)
    {
        var listing = shown.Listing;
        var order = new Order(listing, rateBps, fees.For(listing.PriceMinor, listing.Currency, rateBps), request.BuyerKey,
            request.BuyerUserId, request.BuyerEmail, now, Accounts.UserCultures.Current() ?? CheckoutLocales.Pick(request.PreferredLanguages));
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    private async Task<BuyResult> CreateSessionAsync(Order order, StorefrontListing shown, BuyRequest request, CancellationToken cancellationToken)
    {
        var destination = await db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == shown.CreatorId).Select(a => a.StripeAccountId)
            .SingleAsync(cancellationToken);
        var metadata = new Dictionary<string, string>
        {
            [OrderMetadata.OrderId] = Text(order.Id),
            [OrderMetadata.ListingId] = Text(order.ListingId),
            [OrderMetadata.CreatorId] = Text(order.CreatorProfileId),
        };
        // Stripe's floor is 30 minutes after the session is created: a minute of slack covers the request's own latency.
        var expiresAt = order.CreatedAt.AddMinutes(options.Value.CheckoutExpiryMinutes + 1);
        try
        {
            var description = markdown.ToPlainText(shown.Listing.Description, CheckoutDescriptionLength);
            var coverUrl = shown.Listing.Cover is { } cover ? request.PublicImageUrl?.Invoke(cover.CardKey) : null;
            var session = await stripe.CreateDestinationChargeCheckoutSessionAsync(new DestinationChargeCheckout(
                order.ListingTitle, description.Length == 0 ? null : description, order.AmountMinor, order.Currency, destination, order.ApplicationFeeMinor,
                metadata, Text(order.Id), request.BuyerEmail, expiresAt, CheckoutLocales.Pick(request.PreferredLanguages),
                request.SuccessUrl(order.PublicToken), request.CancelUrl, IdempotencyKeys.OrderCheckoutSession(order.PublicToken),
                StatementDescriptorSuffix.From(shown.DisplayName), coverUrl is null ? null : [coverUrl]), cancellationToken);
            order.AttachCheckoutSession(session.Id, session.Url, session.ExpiresAt, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Order {OrderId} of listing {ListingId} sent to Checkout Session {CheckoutSessionId} ({Amount} {Currency}, fee {Fee})",
                order.Id, order.ListingId, session.Id, order.AmountMinor, order.Currency, order.ApplicationFeeMinor);
            return new(BuyOutcome.RedirectToCheckout, CheckoutUrl: session.Url, OrderToken: order.PublicToken);
        }
        catch (StripeException ex) when (StripeFailure.From(ex) is { IsRefusal: true })
        {
            // Refused: nothing exists at Stripe, so the order is dropped and a later click starts afresh.
            logger.LogWarning(ex, "Stripe refused the Checkout Session of order {OrderId} ({StripeErrorCode})", order.Id, ex.StripeError?.Code);
            db.Orders.Remove(order);
            await db.SaveChangesAsync(CancellationToken.None);
            return new(BuyOutcome.StripeRefused, RefusalMessage(ex));
        }
        catch (Exception ex) when (StripeFailure.From(ex) is not null)
        {
            // Unknown outcome: the order stays, and the next click retries it with the same idempotency key.
            logger.LogWarning(ex, "Checkout Session of order {OrderId} failed on Stripe", order.Id);
            if (StripeRateLimit.IsRateLimited(ex))
                return new(BuyOutcome.StripeUnavailable, "Our payment provider is busy right now; you have not been charged. Please try again in a moment.");
            return new(BuyOutcome.StripeUnavailable, "We could not reach our payment provider just now; you have not been charged. Please try again in a minute.");
        }
    }

    private static string RefusalMessage(StripeException ex) => ex.StripeError?.Code switch
    {
        "amount_too_small" => "This price is below the smallest amount our payment provider can charge, so this listing cannot be bought right now.",
        _ => "This shop cannot take this payment right now; you have not been charged. Please try again later.",
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
