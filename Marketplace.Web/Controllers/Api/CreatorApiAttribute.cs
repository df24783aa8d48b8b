using Marketplace.Core.Accounts;
using Marketplace.Web.Creators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

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
        if (http.User.Identity?.IsAuthenticated != true)
            context.Result = Problem(StatusCodes.Status401Unauthorized, "Sign in as a creator to use this API.");
        else if (!http.User.IsInRole(Roles.Creator))
            context.Result = Problem(StatusCodes.Status403Forbidden, "This API is for creators.");
        else if (await http.RequestServices.GetRequiredService<CurrentCreator>().FindAsync(http.RequestAborted) is null)
            context.Result = Problem(StatusCodes.Status403Forbidden, "No creator profile.");
    }

    private static ObjectResult Problem(int status, string detail) =>
        new(new ProblemDetails { Status = status, Title = status == 401 ? "Unauthorized" : "Forbidden", Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
