using Marketplace.StripeGateway;

namespace Marketplace.Web.StripeBudget;

/// <summary>
/// The web side of the Stripe request budget (<see cref="StripeRequestBudget"/>): every web request's Stripe calls go
/// in the interactive lane (a person waits for them); a Stripe call that still meets a rate limit shows the "Stripe is
/// busy" page (<see cref="Errors.ExceptionResponses"/>) instead of an error.
/// </summary>
public static class StripeLaneWeb
{
    /// <summary>Runs the rest of the pipeline in <see cref="StripeLane.Interactive"/>; jobs stay in the background lane.</summary>
    public static IApplicationBuilder UseInteractiveStripeLane(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using (StripeLanes.Enter(StripeLane.Interactive)) await next(context);
        });
}

