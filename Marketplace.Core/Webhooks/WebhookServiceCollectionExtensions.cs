using Marketplace.Core.Connect;
using Marketplace.Core.Orders;
using Marketplace.Core.Invoices;
using Marketplace.Core.Payouts;
using Marketplace.Core.ProcessingNotes;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.Core.Webhooks.Dispatch;
using Marketplace.Core.Webhooks.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Webhooks;

/// <summary>Registers the webhook inbox, its jobs and one handler per event type.</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddStripeWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookReceiver>();
        services.AddOptions<WebhookDispatchOptions>().BindConfiguration(WebhookDispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddScoped<WebhookEventProcessor>();
        services.AddScoped<ProcessStripeWebhookJob>();
        services.AddScoped<ProcessStripeWebhookBatchJob>();
        services.AddScoped<WebhookRecoveryJob>();
        services.AddScoped<WebhookProcessingNotes>();

        services.AddScoped<IStripeEventHandler, AccountUpdatedHandler>();
        services.AddScoped<IStripeEventHandler, CapabilityUpdatedHandler>();
        services.AddScoped<IStripeEventHandler, AccountApplicationDeauthorizedHandler>();
        services.AddScoped<IStripeEventHandler, PayoutCreatedHandler>();
        services.AddScoped<IStripeEventHandler, PayoutUpdatedHandler>();
        services.AddScoped<IStripeEventHandler, PayoutPaidHandler>();
        services.AddScoped<IStripeEventHandler, PayoutFailedHandler>();
        services.AddScoped<IStripeEventHandler, PayoutCanceledHandler>();
        services.AddScoped<IStripeEventHandler, CheckoutSessionCompletedHandler>();
        services.AddScoped<IStripeEventHandler, CheckoutSessionExpiredHandler>();
        services.AddScoped<IStripeEventHandler, SubscriptionCreatedHandler>();
        services.AddScoped<IStripeEventHandler, SubscriptionUpdatedHandler>();
        services.AddScoped<IStripeEventHandler, SubscriptionDeletedHandler>();
        services.AddScoped<IStripeEventHandler, SubscriptionTrialWillEndHandler>();
        services.AddScoped<IStripeEventHandler, InvoicePaidHandler>();
        services.AddScoped<IStripeEventHandler, InvoicePaymentFailedHandler>();
        services.AddScoped<IStripeEventHandler, ChargeRefundedHandler>();
        services.AddScoped<IStripeEventHandler, RefundUpdatedHandler>();
        services.AddScoped<IStripeEventHandler, RefundFailedHandler>();
        services.AddScoped<IStripeEventHandler, ChargeDisputeCreatedHandler>();
        services.AddScoped<IStripeEventHandler, ChargeDisputeFundsWithdrawnHandler>();
        services.AddScoped<IStripeEventHandler, ChargeDisputeClosedHandler>();
        return services;
    }
}
