using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// Builds Connect account objects and moves them between states (https://docs.stripe.com/api/accounts/object):
/// new (nothing submitted, <c>requirements.currently_due</c> filled, <c>disabled_reason</c> <c>requirements.past_due</c>),
/// enabled (onboarding completed), restricted (control API) and deauthorized. Each change emits
/// <c>account.updated</c> (with <c>previous_attributes</c>) and <c>capability.updated</c> for each capability whose status
/// changed, as Connect events carrying <c>account</c>.
/// </summary>
internal static class AccountStates
{
    public const string ObjectType = "account";

    public static readonly string[] OnboardingFields =
    [
        "business_profile.mcc", "business_profile.url", "business_type", "external_account",
        "individual.dob.day", "individual.first_name", "individual.last_name", "tos_acceptance.date", "tos_acceptance.ip",
    ];

    public static JsonObject NewAccount(string id, string type, string country, string? email, long now,
        IEnumerable<string> capabilities, JsonObject controller)
    {
        var caps = new JsonObject();
        foreach (var capability in capabilities) caps[capability] = "inactive";
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["business_profile"] = new JsonObject
            {
                ["mcc"] = null, ["name"] = null, ["product_description"] = null, ["support_email"] = null, ["url"] = null,
            },
            ["business_type"] = null,
            ["capabilities"] = caps,
            ["charges_enabled"] = false,
            ["controller"] = controller,
            ["country"] = country,
            ["created"] = now,
            ["default_currency"] = ConnectRegions.DefaultCurrency(country),
            ["details_submitted"] = false,
            ["email"] = email,
            ["external_accounts"] = Json.List($"/v1/accounts/{id}/external_accounts", []),
            ["future_requirements"] = Requirements([], null),
            ["metadata"] = new JsonObject(),
            ["payouts_enabled"] = false,
            ["requirements"] = Requirements(OnboardingFields, "requirements.past_due"),
            ["settings"] = PayoutSchedules.NewSettings(country),
            ["tos_acceptance"] = new JsonObject { ["date"] = null, ["ip"] = null, ["user_agent"] = null },
            ["type"] = type,
        };
    }

    public static JsonObject Requirements(IReadOnlyCollection<string> due, string? disabledReason) => new()
    {
        ["alternatives"] = new JsonArray(),
        ["current_deadline"] = null,
        ["currently_due"] = Json.Strings(due),
        ["disabled_reason"] = disabledReason,
        ["errors"] = new JsonArray(),
        ["eventually_due"] = Json.Strings(due),
        ["past_due"] = Json.Strings(due),
        ["pending_verification"] = new JsonArray(),
    };

    /// <summary>Onboarding completed: charges and payouts enabled, details submitted, nothing due, capabilities active.</summary>
    public static void Enable(OperationContext ctx, Resource account) => Change(ctx, account, json =>
    {
        json["charges_enabled"] = true;
        json["payouts_enabled"] = true;
        json["details_submitted"] = true;
        json["business_type"] ??= "individual";
        json["requirements"] = Requirements([], null);
        json["tos_acceptance"] = new JsonObject { ["date"] = ctx.Now, ["ip"] = "127.0.0.1", ["user_agent"] = null };
        SetCapabilities(json, "active");
    });

    /// <summary>Onboarding left incomplete: details not submitted, the onboarding fields currently due.</summary>
    public static void LeaveIncomplete(OperationContext ctx, Resource account) => Change(ctx, account, json =>
    {
        json["details_submitted"] = false;
        json["charges_enabled"] = false;
        json["payouts_enabled"] = false;
        json["requirements"] = Requirements(OnboardingFields, "requirements.past_due");
        SetCapabilities(json, "inactive");
    });

    /// <summary>Restricted by Stripe: charges and payouts disabled with <paramref name="disabledReason"/> (e.g. <c>requirements.past_due</c>, <c>rejected.fraud</c>).</summary>
    public static void Restrict(OperationContext ctx, Resource account, string disabledReason, IReadOnlyCollection<string> due) =>
        Change(ctx, account, json =>
        {
            json["charges_enabled"] = false;
            json["payouts_enabled"] = false;
            json["requirements"] = Requirements(due, disabledReason);
            SetCapabilities(json, "inactive");
        });

    /// <summary>The account disconnected the platform: <c>account.application.deauthorized</c>; further calls for it answer 403.</summary>
    public static void Deauthorize(OperationContext ctx, Resource account)
    {
        if (account.Internal.ContainsKey("deauthorized")) return;
        account.Internal["deauthorized"] = "true";
        var application = new JsonObject
        {
            ["id"] = "ca_" + account.Id[5..], ["object"] = "application", ["name"] = "Marketplace (Stripe emulator)",
        };
        ctx.Emulator.Emit(ctx.State, "account.application.deauthorized", application, null, account.Id, ctx.RequestId, ctx.IdempotencyKey);
    }

    /// <summary>Applies a change, then emits <c>account.updated</c> and <c>capability.updated</c> as needed.</summary>
    public static void Change(OperationContext ctx, Resource account, Action<JsonObject> mutate)
    {
        var before = account.Snapshot();
        ctx.Update(account, "account.updated", mutate, connectAccount: account.Id);
        var beforeCaps = before["capabilities"]!.AsObject();
        foreach (var (name, status) in account.Json["capabilities"]!.AsObject())
        {
            var previous = beforeCaps[name]?.GetValue<string>();
            if (previous == status!.GetValue<string>()) continue;
            var capability = Capability(account, name, ctx.Now);
            var previousAttributes = new JsonObject { ["status"] = previous };
            ctx.Emulator.Emit(ctx.State, "capability.updated", capability, previousAttributes, account.Id, ctx.RequestId, ctx.IdempotencyKey);
        }
    }

    /// <summary>A capability object (https://docs.stripe.com/api/capabilities/object).</summary>
    public static JsonObject Capability(Resource account, string name, long now)
    {
        var status = account.Json["capabilities"]![name]!.GetValue<string>();
        var due = status == "active" ? [] : account.Json["requirements"]!["currently_due"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        return new JsonObject
        {
            ["id"] = name,
            ["object"] = "capability",
            ["account"] = account.Id,
            ["future_requirements"] = Requirements([], null),
            ["requested"] = true,
            ["requested_at"] = account.Json["created"]!.AsLong(),
            ["requirements"] = Requirements(due, status == "active" ? null : "requirements.past_due"),
            ["status"] = status,
        };
    }

    private static void SetCapabilities(JsonObject json, string status)
    {
        var caps = json["capabilities"]!.AsObject();
        foreach (var name in caps.Select(c => c.Key).ToList()) caps[name] = status;
    }
}
