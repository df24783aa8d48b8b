using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// Requirements with a deadline, as Stripe handles them (https://docs.stripe.com/api/accounts/object, <c>requirements</c>;
/// https://docs.stripe.com/connect/handling-api-verification): fields Stripe asks for later go to
/// <c>requirements.currently_due</c> (and <c>eventually_due</c>) with a <c>current_deadline</c>, the capabilities staying
/// active; once the key's clock passes the deadline with fields still due they appear in <c>past_due</c> as well, the
/// capabilities become inactive, charges and payouts are disabled and <c>disabled_reason</c> is
/// <c>requirements.past_due</c>. Each change emits <c>account.updated</c> (and <c>capability.updated</c>).
/// </summary>
internal static class AccountDeadlines
{
    /// <summary>Asks <paramref name="fields"/> of the account by <paramref name="deadline"/> (Unix seconds, after the key's clock).</summary>
    public static void Add(OperationContext ctx, Resource account, IReadOnlyCollection<string> fields, long deadline)
    {
        if (fields.Count == 0) throw StripeApiException.Missing("fields");
        if (deadline <= ctx.Now) throw StripeApiException.Invalid("current_deadline", "current_deadline must be after the key's clock.");
        AccountStates.Change(ctx, account, json =>
        {
            var requirements = json["requirements"]!.AsObject();
            requirements["currently_due"] = Merge(requirements["currently_due"], fields);
            requirements["eventually_due"] = Merge(requirements["eventually_due"], fields);
            requirements["current_deadline"] = deadline;
        });
    }

    /// <summary>Moves the fields of every account whose <c>current_deadline</c> passed to <c>past_due</c> and disables it.</summary>
    public static void RunDue(OperationContext ctx)
    {
        var due = ctx.State.OfType(AccountStates.ObjectType, null)
            .Where(a => !a.Internal.ContainsKey("deauthorized"))
            .Where(a => a.Json["requirements"]?["current_deadline"] is JsonValue d && d.AsLong() <= ctx.Now
                && a.Json["requirements"]!["currently_due"]!.AsArray().Count > 0
                && a.Json["requirements"]!["past_due"]!.AsArray().Count == 0)
            .ToList();
        foreach (var account in due)
        {
            AccountStates.Change(ctx, account, json =>
            {
                var requirements = json["requirements"]!.AsObject();
                requirements["past_due"] = requirements["currently_due"]!.DeepClone();
                requirements["disabled_reason"] = "requirements.past_due";
                json["charges_enabled"] = false;
                json["payouts_enabled"] = false;
                var caps = json["capabilities"]!.AsObject();
                foreach (var name in caps.Select(c => c.Key).ToList()) caps[name] = "inactive";
            });
        }
    }

    private static JsonArray Merge(JsonNode? existing, IEnumerable<string> fields) =>
        Json.Strings([.. (existing?.AsArray().Select(x => x!.GetValue<string>()) ?? []).Concat(fields).Distinct(StringComparer.Ordinal)]);
}
