using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeGateway;

/// <summary>The Stripe.net implementation of <see cref="IStripeGateway"/> (the <c>client.V1.*</c> services).</summary>
public sealed partial class StripeGateway(StripeClient client) : IStripeGateway
{
    /// <inheritdoc />
    /// <remarks>
    /// Never shared through <see cref="StripeReadMemo"/>: an account is read under its lock and applied at once, and a read
    /// kept from earlier in a batch could undo what another batch applied meanwhile (a deauthorization turned back into
    /// "Complete" by an <c>account.updated</c> of the same batch, seen in the suite).
    /// </remarks>
    public Task<Account> GetAccountAsync(string accountId, CancellationToken cancellationToken = default) =>
        client.V1.Accounts.GetAsync(accountId, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<Account> CreateExpressAccountAsync(int creatorProfileId, string email, string country, CancellationToken cancellationToken = default, PayoutScheduleSettings? payoutSchedule = null) =>
        client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            // Controller properties instead of type=express (https://docs.stripe.com/connect/migrate-to-controller-properties):
            // the Express dashboard, the platform pays Stripe's fees and bears negative balances, Stripe collects requirements.
            Controller = new AccountControllerOptions
            {
                StripeDashboard = new AccountControllerStripeDashboardOptions { Type = "express" },
                Fees = new AccountControllerFeesOptions { Payer = "application" },
                Losses = new AccountControllerLossesOptions { Payments = "application" },
                RequirementCollection = "stripe",
            },
            // transfers: what a destination charge needs; card_payments: what charges_enabled reports on
            // (https://docs.stripe.com/connect/account-capabilities).
            Capabilities = new AccountCapabilitiesOptions
            {
                Transfers = new AccountCapabilitiesTransfersOptions { Requested = true },
                CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
            },
            Email = email,
            Country = country,
            Settings = payoutSchedule is null ? null : new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = ScheduleOptions(payoutSchedule) } },
            Metadata = new Dictionary<string, string> { [StripeMetadataKeys.CreatorId] = StripeMetadataKeys.Text(creatorProfileId) },
        }, new RequestOptions { IdempotencyKey = IdempotencyKeys.ConnectAccount(creatorProfileId) }, cancellationToken);

    /// <inheritdoc />
    public Task<Account> UpdatePayoutScheduleAsync(string accountId, PayoutScheduleSettings schedule, CancellationToken cancellationToken = default) =>
        client.V1.Accounts.UpdateAsync(accountId, new AccountUpdateOptions
        {
            Settings = new AccountSettingsOptions { Payouts = new AccountSettingsPayoutsOptions { Schedule = ScheduleOptions(schedule) } },
        }, cancellationToken: cancellationToken);

    private static AccountSettingsPayoutsScheduleOptions ScheduleOptions(PayoutScheduleSettings schedule)
    {
        var options = new AccountSettingsPayoutsScheduleOptions
        {
            Interval = schedule.Interval,
            WeeklyAnchor = schedule.Interval == "weekly" ? schedule.WeeklyAnchor : null,
            MonthlyAnchor = schedule.Interval == "monthly" ? schedule.MonthlyAnchor : null,
        };
        // Without delay_days Stripe uses the country's minimum (new account) or keeps the last value (manual, update).
        if (schedule.Interval != "manual" && schedule.DelayDays is int days) options.DelayDays = (long?)days;
        return options;
    }

    /// <inheritdoc />
    public Task<AccountLink> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken cancellationToken = default) =>
        client.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = accountId,
            Type = "account_onboarding",
            RefreshUrl = refreshUrl,
            ReturnUrl = returnUrl,
        }, new RequestOptions { IdempotencyKey = IdempotencyKeys.AccountLink(accountId, "account_onboarding", Guid.NewGuid()) }, cancellationToken);

    /// <inheritdoc />
    public Task<Balance> GetConnectBalanceAsync(string accountId, CancellationToken cancellationToken = default) =>
        client.V1.Balance.GetAsync(requestOptions: new RequestOptions { StripeAccount = accountId }, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        StripeReadMemo.ReadAsync(subscriptionId, () => client.V1.Subscriptions.GetAsync(subscriptionId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<Invoice> GetInvoiceAsync(string invoiceId, CancellationToken cancellationToken = default) =>
        StripeReadMemo.ReadAsync(invoiceId, () => client.V1.Invoices.GetAsync(invoiceId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<Session> GetCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        StripeReadMemo.ReadAsync(sessionId, () => client.V1.Checkout.Sessions.GetAsync(sessionId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<WebhookEndpoint> CreateWebhookEndpointAsync(string url, bool connect, IReadOnlyList<string> enabledEvents,
        CancellationToken cancellationToken = default) =>
        client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = url,
            Connect = connect,
            EnabledEvents = [.. enabledEvents],
            ApiVersion = StripeConfiguration.ApiVersion,
            Description = connect ? "Marketplace Connect events" : "Marketplace Billing events",
        }, cancellationToken: cancellationToken);

    /// <summary>The object, or null when Stripe answers 404 <c>resource_missing</c>; other errors propagate.</summary>
    private static async Task<T?> NullWhenMissing<T>(Func<Task<T>> retrieve) where T : class
    {
        try
        {
            return await retrieve();
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
