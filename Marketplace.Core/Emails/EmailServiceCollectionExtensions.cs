using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Emails;

/// <summary>Registers the outbox, its jobs and the MailKit transport (the renderer is the web app's).</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddMarketplaceEmails(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new ContentRoot(contentRoot));
        services.AddSingleton<IInterceptor, EmailOutboxInterceptor>(); // on every context (AddMarketplaceDatabase takes them all)
        services.AddScoped<EmailOutbox>();
        services.AddScoped<IEmailTransport, MailKitEmailTransport>();
        services.AddScoped<SendOutboxEmailJob>();
        services.AddScoped<EmailOutboxSweepJob>();
        return services;
    }
}
