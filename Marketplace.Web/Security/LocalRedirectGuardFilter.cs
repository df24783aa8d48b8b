using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Marketplace.Web.Security;

/// <summary>
/// A global result filter (controllers and Razor Pages, the Identity UI's included): a <see cref="LocalRedirectResult"/>
/// to a URL that is not local becomes a redirect to the home page. The Identity UI's Login and Logout pages pass their
/// <c>returnUrl</c> to <c>LocalRedirect</c>, which would throw on <c>https://evil.example</c>, <c>//evil.example</c> or
/// <c>/\evil.example</c> (a 500): nobody is sent to another host, and nobody sees an error page either. A URL with a
/// character outside printable ASCII (<c>/%E3%80%82evil</c> arrives decoded as <c>/。evil</c>) is unsafe too: it cannot
/// go in a <c>Location</c> header (Kestrel throws, a 500 that also loses the sign-in cookie).
/// </summary>
public sealed class LocalRedirectGuardFilter : IAlwaysRunResultFilter
{
    /// <inheritdoc />
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not LocalRedirectResult redirect) return;
        var url = context.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context);
        if (!url.IsLocalUrl(redirect.Url) || !FitsLocationHeader(redirect.Url)) context.Result = new LocalRedirectResult("~/");
    }

    /// <summary>True when <paramref name="url"/> is printable ASCII only, as a <c>Location</c> header must be.</summary>
    public static bool FitsLocationHeader(string url) => url.All(c => c is >= ' ' and <= '~');

    /// <inheritdoc />
    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
