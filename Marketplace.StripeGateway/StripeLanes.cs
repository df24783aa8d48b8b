namespace Marketplace.StripeGateway;

/// <summary>Who is waiting for a Stripe request, which decides its share of <see cref="StripeRequestBudget"/>.</summary>
public enum StripeLane
{
    /// <summary>
    /// Nobody is watching: webhook refetches, sweeps, price sync, anything run by Hangfire or a hosted service. Takes
    /// what the interactive share leaves and waits, never fails, when the budget is spent.
    /// </summary>
    Background,

    /// <summary>
    /// A person waits for the answer: Buy, plan selection, refunds, the portal, onboarding links, dispute evidence (any
    /// web request). Has a reserved share of the budget that background work never takes.
    /// </summary>
    Interactive,
}

/// <summary>
/// The lane of the Stripe requests made by the current flow of execution, as an ambient value (an
/// <see cref="AsyncLocal{T}"/>): the web pipeline enters <see cref="StripeLane.Interactive"/> for each request
/// (<c>Marketplace.Web/StripeBudget/StripeLaneWeb.cs</c>); everything else, Hangfire jobs included, is
/// <see cref="StripeLane.Background"/>, the default. Nothing needs to pass it through the gateway's methods.
/// </summary>
public static class StripeLanes
{
    private static readonly AsyncLocal<StripeLane?> Ambient = new();

    /// <summary>The lane of the code running now; <see cref="StripeLane.Background"/> unless a caller entered another.</summary>
    public static StripeLane Current => Ambient.Value ?? StripeLane.Background;

    /// <summary>Runs what follows, and every task it starts, in <paramref name="lane"/> until the returned scope is disposed.</summary>
    public static IDisposable Enter(StripeLane lane)
    {
        var previous = Ambient.Value;
        Ambient.Value = lane;
        return new Scope(previous);
    }

    private sealed class Scope(StripeLane? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
