using Marketplace.Core.Accounts;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Marketplace.Web.Security;

/// <summary>
/// On the Identity UI pages this app does not scaffold (Login, Forgot password, Manage → Email…), an email field longer than
/// <see cref="AccountLimits.MaxEmailLength"/> characters (<c>Input.Email</c>, <c>Input.NewEmail</c>) is a model error
/// before the handler runs: those pages answer "not valid" with the same form, as for any other bad field.
/// </summary>
public sealed class AccountFieldLengthFilter : IAsyncPageFilter
{
    private static readonly string[] EmailFields = ["Input.Email", "Input.NewEmail"];

    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            foreach (var field in EmailFields)
            {
                if (form[field].ToString().Length > AccountLimits.MaxEmailLength)
                    context.ModelState.AddModelError(field, $"The email is at most {AccountLimits.MaxEmailLength} characters.");
            }
        }

        await next();
    }
}
