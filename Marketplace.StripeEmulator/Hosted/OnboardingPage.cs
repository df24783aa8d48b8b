using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>
/// Hosted Connect onboarding at <c>/connect/onboarding/{token}</c> (an account link's <c>url</c>).
/// POST <c>action=complete</c>: charges and payouts enabled, details submitted, nothing due;
/// <c>action=incomplete</c>: details not submitted, fields currently due. Both emit <c>account.updated</c> when
/// something changed, use up the link and redirect 303 to <c>return_url</c>. A used or expired link redirects to <c>refresh_url</c>.
/// </summary>
internal static class OnboardingPage
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapGet("/connect/onboarding/{token}", (string token, Emulator emulator) => Handle(emulator, token, null));
        r.MapPost("/connect/onboarding/{token}", async (string token, HttpContext http, Emulator emulator) =>
        {
            var form = await http.Request.ReadFormAsync();
            return Handle(emulator, token, form["action"].ToString());
        });
    }

    private static IResult Handle(Emulator emulator, string token, string? action)
    {
        var found = HostedLookup.Find(emulator, token, AccountLinksApi.ObjectType);
        if (found is null) return HostedLookup.NotFound("account link");
        var (state, link) = found.Value;
        lock (state.Gate)
        {
            var expired = link.Json["expires_at"]!.AsLong() <= state.Now;
            if (expired || link.Internal.ContainsKey("used")) return Html.SeeOther(link.Internal["refresh_url"]);
            var account = state.Find(link.Internal["account"]);
            if (account is null || account.Internal.ContainsKey("deauthorized")) return HostedLookup.NotFound("account");
            if (action is null) return Render(token, account);

            var ctx = new OperationContext(emulator, state, null, null, null);
            switch (action)
            {
                case "complete": AccountStates.Enable(ctx, account); break;
                case "incomplete": AccountStates.LeaveIncomplete(ctx, account); break;
                default: return Html.Page("Onboarding", "<p class=\"error\">Unknown action.</p>", 400);
            }
            link.Internal["used"] = "true";
            return Html.SeeOther(link.Internal["return_url"]);
        }
    }

    private static IResult Render(string token, Resource account)
    {
        var action = $"/connect/onboarding/{Html.E(token)}";
        var body = $"""
            <p>Account <code>{Html.E(account.Id)}</code> ({Html.E(account.Str("type"))}, {Html.E(account.Str("country"))}){(account.Str("email") is { } email ? " · " + Html.E(email) : "")}</p>
            <p class="note">Stripe would collect identity, bank account and terms here. Pick the outcome:</p>
            <form method="post" action="{action}"><button type="submit" name="action" value="complete">Complete</button></form>
            <form method="post" action="{action}"><button type="submit" name="action" value="incomplete">Leave incomplete</button></form>
            """;
        return Html.Page("Connect onboarding", body);
    }
}
