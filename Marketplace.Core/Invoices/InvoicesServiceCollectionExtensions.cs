using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Invoices;

/// <summary>Registers the ledger of subscription invoice payments.</summary>
public static class InvoicesServiceCollectionExtensions
{
    /// <summary>Adds the ledger of subscription invoice payments.</summary>
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        services.AddScoped<PaymentLedger>();
        return services;
    }
}
