using Marketplace.StripeEmulator.Control;
using Marketplace.StripeEmulator.Hosted;
using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.Resources.ApplicationFees;
using Marketplace.StripeEmulator.Resources.Balance;
using Marketplace.StripeEmulator.Resources.BalanceTransactions;
using Marketplace.StripeEmulator.Resources.Charges;
using Marketplace.StripeEmulator.Resources.PaymentIntents;
using Marketplace.StripeEmulator.Resources.Payouts;
using Marketplace.StripeEmulator.Resources.Refunds;
using Marketplace.StripeEmulator.Resources.Transfers;
using Marketplace.StripeEmulator.Resources.BillingPortal;
using Marketplace.StripeEmulator.Resources.Checkout;
using Marketplace.StripeEmulator.Resources.Customers;
using Marketplace.StripeEmulator.Resources.Disputes;
using Marketplace.StripeEmulator.Resources.Events;
using Marketplace.StripeEmulator.Resources.Invoices;
using Marketplace.StripeEmulator.Resources.Prices;
using Marketplace.StripeEmulator.Resources.Products;
using Marketplace.StripeEmulator.Resources.Subscriptions;
using Marketplace.StripeEmulator.Resources.WebhookEndpoints;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Webhooks;

namespace Marketplace.StripeEmulator;

/// <summary>Service registrations and routes of the emulator, shared by the standalone run and <see cref="StripeEmulatorServer"/>.</summary>
internal static class EmulatorEndpoints
{
    public static void AddStripeEmulator(this IServiceCollection services, StripeEmulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<Emulator>();
        services.AddSingleton(new RateLimits(options.RateLimits));
        services.AddSingleton<EmulatorControl>();
        services.AddHostedService<DeliveryWorker>();
        services.AddRouting();
    }

    public static void MapStripeEmulator(this WebApplication app)
    {
        // Stripe.net joins ApiBase and the path as given; tolerate "http://host:port//v1/…".
        app.Use((http, next) =>
        {
            var path = http.Request.Path.Value;
            if (path is not null && path.StartsWith("//", StringComparison.Ordinal)) http.Request.Path = path[1..];
            return next(http);
        });
        // An emulator bug should be visible to whoever hit it: Stripe's api_error shape with the exception text.
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
            {
                http.RequestServices.GetRequiredService<ILogger<Emulator>>().LogError(ex, "Emulator failure on {Path}", http.Request.Path);
                http.Response.StatusCode = 500;
                await http.Response.WriteAsJsonAsync(new StripeApiException(500, "api_error", "emulator_failure",
                    $"The emulator failed: {ex.GetType().Name}: {ex.Message}").ToJson());
            }
        });
        app.UseRouting();
        // After routing (the limiter counts per route template), before the /v1 endpoints run; /_emulator and pages pass.
        var limits = app.Services.GetRequiredService<RateLimits>();
        var core = app.Services.GetRequiredService<Emulator>();
        if (limits.Enabled) app.Use((http, next) => limits.InvokeAsync(http, () => next(http), core));
        app.MapGet("/", () => Results.Text("Stripe emulator: see Marketplace.StripeEmulator/README.md"));
        AccountsApi.Map(app);
        AccountLinksApi.Map(app);
        LoginLinksApi.Map(app);
        CustomersApi.Map(app);
        ProductsApi.Map(app);
        PricesApi.Map(app);
        CheckoutSessionsApi.Map(app);
        SubscriptionsApi.Map(app);
        InvoicesApi.Map(app);
        InvoicePaymentsApi.Map(app);
        BillingPortalSessionsApi.Map(app);
        WebhookEndpointsApi.Map(app);
        EventsApi.Map(app);
        PaymentIntentsApi.Map(app);
        ChargesApi.Map(app);
        BalanceTransactionsApi.Map(app);
        TransfersApi.Map(app);
        ApplicationFeesApi.Map(app);
        BalanceApi.Map(app);
        RefundsApi.Map(app);
        DisputesApi.Map(app);
        Resources.Files.FilesApi.Map(app);
        PayoutsApi.Map(app);
        CheckoutPage.Map(app);
        OnboardingPage.Map(app);
        PortalPage.Map(app);
        InvoicePage.Map(app);
        ReceiptPage.Map(app);
        ExpressDashboardPage.Map(app);
        ControlApi.Map(app);
        app.MapFallback("/v1/{**rest}", (HttpContext http, Emulator emulator) => ApiPipeline.UnrecognizedAsync(http, emulator));
    }
}
