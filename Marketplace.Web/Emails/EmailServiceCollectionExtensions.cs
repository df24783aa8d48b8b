using Marketplace.Core.Emails;

namespace Marketplace.Web.Emails;

/// <summary>Registers the email templates and renderer (Core registers the outbox, its job and the transport).</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddMarketplaceEmailTemplates(this IServiceCollection services)
    {
        services.AddSingleton<EmailLinks>();
        services.AddScoped<EmailTemplates>();
        services.AddScoped<IEmailRenderer, RazorEmailRenderer>();
        services.AddScoped<IdentityEmails>();
        services.AddScoped<IdentityLinks>();
        return services;
    }
}
