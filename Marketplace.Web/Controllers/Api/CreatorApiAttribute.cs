using Marketplace.Core.Accounts;
using Marketplace.Web.Creators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Api;

/// <summary>
/// For JSON APIs used by a signed-in creator's browser (the Identity cookie): anonymous → 401 ProblemDetails,
/// signed in without the Creator role → 403 ProblemDetails, a creator without a profile (<see cref="CurrentCreator"/>)
/// → 403 "No creator profile.". Never the login redirect an HTML page gets.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CreatorApiAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <inheritdoc />
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Localization.SharedResource>>();
        if (http.User.Identity?.IsAuthenticated != true)
            context.Result = Problem(StatusCodes.Status401Unauthorized, text["Unauthorized"], text["Sign in as a creator to use this API."]);
        else if (!http.User.IsInRole(Roles.Creator))
            context.Result = Problem(StatusCodes.Status403Forbidden, text["Forbidden"], text["This API is for creators."]);
        else if (await http.RequestServices.GetRequiredService<CurrentCreator>().FindAsync(http.RequestAborted) is null)
            context.Result = Problem(StatusCodes.Status403Forbidden, text["Forbidden"], text["No creator profile."]);
    }

    private static ObjectResult Problem(int status, string title, string detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
