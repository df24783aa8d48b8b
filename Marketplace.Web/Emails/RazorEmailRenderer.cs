using Marketplace.Core.Accounts;
using System.Globalization;
using Marketplace.Core.Emails;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Marketplace.Web.Emails;

/// <summary>
/// Renders an outbox row: its content in the row's culture (<see cref="EmailTemplates"/>, texts from
/// <c>Resources/Emails/EmailTexts.{en,fr}.resx</c>), the HTML part with ASP.NET Core's <see cref="HtmlRenderer"/> and
/// <see cref="EmailLayout"/>, the plain-text part with <see cref="EmailText"/>.
/// </summary>
public sealed class RazorEmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory, EmailTemplates templates) : IEmailRenderer
{
    /// <inheritdoc />
    public async Task<EmailMessage> RenderAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo(UserCultures.Normalize(email.Culture) ?? "en");
        var (content, chrome) = templates.Build(email.Kind, email.Model, culture);
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(EmailLayout.Content)] = content, [nameof(EmailLayout.Chrome)] = chrome });
            return (await renderer.RenderComponentAsync<EmailLayout>(parameters)).ToHtmlString();
        });
        return new EmailMessage(email.To, content.Subject, html, EmailText.Render(content, chrome), chrome.Culture);
    }
}
