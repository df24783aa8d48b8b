using Marketplace.StripeGateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Connect;

/// <summary>Registers Connect onboarding, the account sync, the Express dashboard and the payment guard.</summary>
public static class ConnectServiceCollectionExtensions
{
    /// <summary>Adds Connect onboarding, the account sync, the Express dashboard, the payment guard, the payout schedule the platform controls (<see cref="PayoutControl"/>, <see cref="PayoutScheduleRollout"/>) and the check of <c>Stripe:PlatformCountry</c> at start.</summary>
    public static IServiceCollection AddConnect(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<StripeOptions>, PlatformCountryValidator>();
        services.AddScoped<PaymentEligibility>();
        services.AddScoped<ConnectOnboarding>();
        services.AddScoped<ConnectAccountSync>();
        services.AddScoped<ExpressDashboard>();
        services.AddScoped<PayoutControl>();
        services.AddScoped<ReleasePayoutHoldsJob>();
        services.AddScoped<PayoutScheduleRollout>();
        services.AddScoped<ApplyPayoutScheduleJob>();
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
