namespace Marketplace.Web.Errors;

/// <summary>
/// The app's pipeline after the exception handler, captured at start-up by <see cref="UsePageReExecution"/>, so that
/// <see cref="ExceptionResponses"/> can show a page in place of a failed request (as <c>UseStatusCodePagesWithReExecute</c>
/// does): the request's path and method are changed, its endpoint cleared, and the pipeline run again.
/// </summary>
public sealed class PageReExecution
{
    private RequestDelegate? _pipeline;

    /// <summary>Captures the rest of the pipeline; call right after <c>UseExceptionHandler</c>.</summary>
    public static IApplicationBuilder UsePageReExecution(IApplicationBuilder app)
    {
        var holder = app.ApplicationServices.GetRequiredService<PageReExecution>();
        return app.Use(next => holder._pipeline = next);
    }

    /// <summary>
    /// Runs a <c>GET</c> of the local <paramref name="path"/> (query string allowed) on <paramref name="context"/>,
    /// answering <paramref name="status"/> unless the page sets another; false when no pipeline was captured.
    /// </summary>
    public async Task<bool> ShowAsync(HttpContext context, string path, int status)
    {
        if (_pipeline is null) return false;
        var (originalPath, originalQuery, originalMethod) = (context.Request.Path, context.Request.QueryString, context.Request.Method);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        context.Request.Method = HttpMethods.Get;
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        context.Response.StatusCode = status;
        try
        {
            await _pipeline(context);
        }
        finally
        {
            (context.Request.Path, context.Request.QueryString, context.Request.Method) = (originalPath, originalQuery, originalMethod);
        }

        return true;
    }
}
