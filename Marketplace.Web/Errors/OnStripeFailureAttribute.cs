namespace Marketplace.Web.Errors;

/// <summary>
/// What a browser sees when this action fails on Stripe (<see cref="StripeGateway.StripeFailure"/>): by default a 303 to
/// <see cref="RedirectTo"/> (a local path) carrying a message in TempData, shown by that page; with
/// <see cref="ShowStatus"/>, that page shown in place (the request run again as a <c>GET</c> of the path) with that
/// status and the message in <see cref="MessageOf"/>. Read by <see cref="ExceptionResponses"/>; an action without it
/// gets the "Stripe is busy" page for a rate limit and the 503 error page otherwise, an API request ProblemDetails.
/// </summary>
/// <param name="redirectTo">
/// The local path of the page, e.g. <c>/creator/subscription/upgrade</c>; <c>{name}</c> is replaced by the failed
/// request's route value <c>name</c> (escaped), e.g. <c>/orders/{token}</c>.
/// </param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnStripeFailureAttribute(string redirectTo) : Attribute
{
    /// <summary>The message when Stripe could not be reached (5xx, 429, network, timeout); a SharedResource key.</summary>
    public const string StripeDown = "We could not reach Stripe just now, so nothing has changed. Please try again in a minute.";

    /// <summary>The message when Stripe refused the request; a SharedResource key with <c>{0}</c> = Stripe's words.</summary>
    public const string StripeRefused = "Stripe refused this change ({0}), so nothing has changed.";

    private const string MessageItem = "Marketplace.StripeFailureMessage";

    /// <summary>The page's local path, with <c>{name}</c> placeholders for route values.</summary>
    public string RedirectTo { get; } = redirectTo;

    /// <summary>The TempData key the message goes in: <c>Error</c> (default), <c>Info</c> or <c>Message</c>.</summary>
    public string Level { get; init; } = "Error";

    /// <summary>The message (a SharedResource key) for any Stripe failure; <see cref="StripeDown"/> by default.</summary>
    public string Message { get; init; } = StripeDown;

    /// <summary>When set, a refusal (Stripe answered no) says this instead, with Stripe's words as <c>{0}</c>.</summary>
    public string? RefusalMessage { get; init; }

    /// <summary>
    /// 0 (default): a 303 to the page. Otherwise the HTTP status the page is shown in place with (e.g. 503), the
    /// message read by the page's action through <see cref="MessageOf"/>.
    /// </summary>
    public int ShowStatus { get; init; }

    /// <summary>The page's path for a request whose route values are <paramref name="routeValues"/>.</summary>
    public string PathFor(IReadOnlyDictionary<string, object?>? routeValues)
    {
        var path = RedirectTo;
        foreach (var (name, value) in routeValues ?? new Dictionary<string, object?>())
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""), StringComparison.Ordinal);
        return path;
    }

    /// <summary>The (localized) message of the Stripe failure a page is shown in place for; null on an ordinary request.</summary>
    public static string? MessageOf(HttpContext context) => context.Items.TryGetValue(MessageItem, out var message) ? message as string : null;

    internal static void SetMessage(HttpContext context, string message) => context.Items[MessageItem] = message;
}
