using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.AccountDeletion;

/// <summary>
/// "Delete personal data" for a creator, in this order, so that no money keeps moving for someone who left:
/// first Stripe (every open Checkout Session of the creator's Customer expired, every subscription not yet canceled
/// canceled at once with no further invoice, https://docs.stripe.com/api/subscriptions/cancel), then, in one database
/// transaction, the personal data: the shop name and slug replaced, listings deleted, the Identity user emptied (email,
/// user name, password, phone, roles, logins, claims, tokens) and locked for good. The payment ledger stays as
/// bookkeeping records of the anonymised profile (invoice id, amount, currency, status, date; no hosted invoice link),
/// and so do the Stripe ids (Customer, Connect account) that tie them to Stripe's own records. While the creator's
/// Connect account holds a balance (available or pending, https://docs.stripe.com/api/balance) the deletion is refused,
/// saying how much; an empty account is left as Stripe holds it, linked to the anonymised profile (Stripe would let the
/// platform delete it once every balance is zero, <c>DELETE /v1/accounts/{id}</c>; the emulator has no such endpoint yet).
/// Orders: while a buyer may still be paying one of the creator's listings (a Pending order whose Checkout Session is
/// still open) the deletion is refused, saying so; the creator's orders stay as bookkeeping records, and a listing that
/// was ordered is deactivated and emptied of its description and delivery note rather than deleted (orders refer to it).
/// Any user's own purchases lose their buyer email and user id (<see cref="Orders.Order.AnonymiseBuyer"/>).
/// Memberships (<see cref="Memberships.Leaving.LeavingMemberships"/>): with the Stripe billing, the user's own memberships
/// and every membership of a creator's tiers are canceled in Stripe at once (refused as above when Stripe fails); a
/// creator's members are told by email and the tiers archived, in the deletion's transaction.
/// </summary>
public sealed class CreatorAccountDeletion(
    MarketplaceDbContext db,
    UserManager<IdentityUser> userManager,
    IStripeGateway stripe,
    IDistributedLocks locks,
    Memberships.Leaving.LeavingMemberships memberships,
    TimeProvider clock,
    ILogger<CreatorAccountDeletion> logger)
{
    /// <summary>
    /// Deletes the personal data of Identity user <paramref name="userId"/> (a creator or not). Returns a refusal with
    /// the reason, and nothing changed here, when Stripe could not be reached or refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The user does not exist, or Identity refused to update it.</exception>
    public async Task<AccountDeletionResult> DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}.");
        var creator = await db.CreatorProfiles.Include(c => c.Subscription).SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (creator is null)
        {
            try
            {
                await memberships.CancelMemberMembershipsAsync(userId, cancellationToken);
            }
            catch (Exception ex) when (StripeFailure.From(ex, cancellationToken) is not null)
            {
                logger.LogWarning(ex, "User {UserId}: account not deleted, Stripe failed while ending their memberships", userId);
                return AccountDeletionResult.Refused(
                    "Your account was not deleted: Stripe could not be reached (or refused) to cancel your memberships, and nothing is deleted while they may still charge you. Please try again in a few minutes.");
            }

            await AnonymisePurchasesAsync(userId, cancellationToken);
            Require(await userManager.DeleteAsync(user));
            return AccountDeletionResult.Deleted;
        }

        // The checkout's own lock: no plan selection can open a Checkout Session while the deletion runs.
        using var creatorLock = await locks.AcquireAsync($"checkout:creator:{creator.Id}", TimeSpan.FromSeconds(30), cancellationToken);
        IReadOnlyList<Memberships.Membership> endedMemberships;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.Orders.AnyAsync(o => o.CreatorProfileId == creator.Id && o.Status == Orders.OrderStatus.Pending && o.CheckoutExpiresAt > now, cancellationToken))
                return AccountDeletionResult.Refused("Your account was not deleted: a buyer is paying for one of your listings right now. Their Checkout page closes within 30 minutes; delete your account after that.");
            if (await ConnectBalanceAsync(creator, cancellationToken) is { } held)
                return AccountDeletionResult.Refused($"Your account was not deleted: your Stripe account still holds {held}. Stripe pays it out to your bank account on its schedule (your Stripe Express dashboard shows it); delete your account once the balance is zero.");
            await EndStripeBillingAsync(creator, cancellationToken);
            await memberships.CancelMemberMembershipsAsync(userId, cancellationToken);
            endedMemberships = await memberships.CancelCreatorMembershipsAsync(creator.Id, cancellationToken);
        }
        catch (Exception ex) when (StripeFailure.From(ex, cancellationToken) is not null)
        {
            logger.LogWarning(ex, "Creator {CreatorId}: account not deleted, Stripe failed while ending the billing", creator.Id);
            return AccountDeletionResult.Refused(
                "Your account was not deleted: Stripe could not be reached (or refused) to cancel your subscription, and nothing is deleted while it may still bill you. Please try again in a few minutes.");
        }

        await DeletePersonalDataAsync(user, creator, endedMemberships, cancellationToken);
        logger.LogInformation("Creator {CreatorId}: personal data deleted, Stripe billing ended, ledger kept anonymised", creator.Id);
        return AccountDeletionResult.Deleted;
    }

    /// <summary>The connected account's non-zero balances ("12.34 EUR pending, …"), or null when it holds nothing or is not reachable.</summary>
    private async Task<string?> ConnectBalanceAsync(CreatorProfile creator, CancellationToken cancellationToken)
    {
        var accountId = await db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creator.Id && !a.IsDeauthorized)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
        if (accountId is null) return null;
        Balance balance;
        try
        {
            balance = await stripe.GetConnectBalanceAsync(accountId, cancellationToken);
        }
        catch (StripeException ex) when (Webhooks.Processing.StripeObjectAbsence.Describe(ex) is not null)
        {
            return null; // the platform no longer reaches the account: nothing of it is ours to hold back
        }

        var held = (balance.Available ?? []).Select(a => (a.Amount, a.Currency, State: "available"))
            .Concat((balance.Pending ?? []).Select(p => (p.Amount, p.Currency, State: "pending")))
            .Where(x => x.Amount != 0).Select(x => $"{Money.Format(x.Amount, x.Currency)} {x.State}").ToList();
        return held.Count == 0 ? null : string.Join(", ", held);
    }

    // Sessions first (a page paid during the deletion would start a subscription), then every subscription not yet canceled,
    // the one we know of included even if it is on another Customer.
    private async Task EndStripeBillingAsync(CreatorProfile creator, CancellationToken cancellationToken)
    {
        var row = creator.Subscription;
        var subscriptionIds = new List<string>();
        if (row?.StripeCustomerId is { } customerId)
        {
            await UnlessStripeLacksItAsync(async () =>
            {
                foreach (var session in await stripe.ListOpenCheckoutSessionsAsync(customerId, cancellationToken))
                    await stripe.ExpireCheckoutSessionAsync(session.Id, cancellationToken);
                subscriptionIds.AddRange((await stripe.ListCustomerSubscriptionsAsync(customerId, cancellationToken))
                    .Where(s => s.Status is not ("canceled" or "incomplete_expired")).Select(s => s.Id));
            }, creator, customerId);
        }

        if (row?.StripeSubscriptionId is { } current && !subscriptionIds.Contains(current)) subscriptionIds.Add(current);
        foreach (var subscriptionId in subscriptionIds)
        {
            await UnlessStripeLacksItAsync(() => stripe.CancelSubscriptionNowAsync(subscriptionId, "The creator deleted their account.", cancellationToken),
                creator, subscriptionId);
            logger.LogInformation("Creator {CreatorId}: Stripe subscription {StripeSubscriptionId} canceled at once (account deleted)", creator.Id, subscriptionId);
        }
    }

    // An object Stripe does not hold (resource_missing: deleted, or from a test-data reset) bills nobody: nothing to end.
    private async Task UnlessStripeLacksItAsync(Func<Task> action, CreatorProfile creator, string stripeId)
    {
        try
        {
            await action();
        }
        catch (StripeException ex) when (Webhooks.Processing.StripeObjectAbsence.Describe(ex) is { } absence)
        {
            logger.LogWarning("Creator {CreatorId}: {StripeObjectId} is not on this Stripe account ({Absence}); nothing of it to end", creator.Id, stripeId, absence);
        }
    }

    private async Task DeletePersonalDataAsync(IdentityUser user, CreatorProfile creator, IReadOnlyList<Memberships.Membership> endedMemberships,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var freePlan = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free, cancellationToken);
            creator.Subscription?.ActivateFreePlan(freePlan, clock.GetUtcNow().UtcDateTime);
            await memberships.TellMembersAndArchiveTiersAsync(creator.Id, creator.DisplayName, endedMemberships, cancellationToken);
            creator.Anonymise();
            await RemoveListingsAsync(creator, cancellationToken);
            await AnonymisePurchasesAsync(user.Id, cancellationToken);
            foreach (var payment in await db.Payments.Where(p => p.CreatorProfileId == creator.Id).ToListAsync(cancellationToken)) payment.Anonymise();
            await db.SaveChangesAsync(cancellationToken);
            await EmptyIdentityUserAsync(user);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    // Listings no order refers to are deleted; an ordered one stays (orders point at it), inactive and without its texts.
    private async Task RemoveListingsAsync(CreatorProfile creator, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ordered = await db.Orders.Where(o => o.CreatorProfileId == creator.Id).Select(o => o.ListingId).Distinct().ToListAsync(cancellationToken);
        foreach (var listing in await db.Listings.Where(l => l.CreatorProfileId == creator.Id).ToListAsync(cancellationToken))
        {
            if (!ordered.Contains(listing.Id))
            {
                db.Listings.Remove(listing);
                continue;
            }

            listing.Update(listing.Title, null, listing.PriceMinor, listing.Currency, now, deliveryNote: null);
            if (listing.IsActive) listing.Deactivate(now);
        }
    }

    private async Task AnonymisePurchasesAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var order in await db.Orders.Where(o => o.BuyerUserId == userId).ToListAsync(cancellationToken)) order.AnonymiseBuyer(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EmptyIdentityUserAsync(IdentityUser user)
    {
        foreach (var login in await userManager.GetLoginsAsync(user)) Require(await userManager.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey));
        Require(await userManager.RemoveClaimsAsync(user, await userManager.GetClaimsAsync(user)));
        Require(await userManager.RemoveFromRolesAsync(user, await userManager.GetRolesAsync(user)));
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
        if (await userManager.HasPasswordAsync(user)) Require(await userManager.RemovePasswordAsync(user));
        var placeholder = DeletedAccounts.PlaceholderEmail(user.Id);
        user.UserName = placeholder;
        user.Email = placeholder;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        Require(await userManager.UpdateAsync(user));
        Require(await userManager.UpdateSecurityStampAsync(user));
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Identity refused: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>
/// What a deleted account's user row keeps in place of its email and user name: <c>deleted-{userId}@deleted.invalid</c>
/// (<c>.invalid</c> is reserved by RFC 2606, so no mail is ever sent to it). The one definition, read by whoever must tell a
/// deleted account from a live one.
/// </summary>
public static class DeletedAccounts
{
    private const string Domain = "@deleted.invalid";

    /// <summary>The placeholder email and user name of the deleted account <paramref name="userId"/>.</summary>
    public static string PlaceholderEmail(string userId) => $"deleted-{userId}{Domain}";

    /// <summary>True when <paramref name="email"/> is a deleted account's placeholder.</summary>
    public static bool IsPlaceholder(string? email) => email is not null && email.EndsWith(Domain, StringComparison.Ordinal);
}

/// <summary>What <see cref="CreatorAccountDeletion.DeleteAsync"/> did: deleted, or refused with a message for the user.</summary>
public sealed record AccountDeletionResult(bool Succeeded, string? RefusedBecause)
{
    public static AccountDeletionResult Deleted { get; } = new(true, null);

    public static AccountDeletionResult Refused(string reason) => new(false, reason);
}
