using Marketplace.Core.Seeding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Api;

/// <summary>
/// For JSON APIs used by a signed-in creator's browser (the Identity cookie): anonymous → 401 ProblemDetails,
/// signed in without the Creator role → 403 ProblemDetails. Never the login redirect an HTML page gets.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CreatorApiAttribute : Attribute, IAuthorizationFilter
{
    /// <inheritdoc />
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Localization.SharedResource>>();
        if (user.Identity?.IsAuthenticated != true)
            context.Result = Problem(StatusCodes.Status401Unauthorized, text["Unauthorized"], text["Sign in as a creator to use this API."]);
        else if (!user.IsInRole(Roles.Creator))
            context.Result = Problem(StatusCodes.Status403Forbidden, text["Forbidden"], text["This API is for creators."]);
    }

    private static ObjectResult Problem(int status, string title, string detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
