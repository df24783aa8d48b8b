using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// Connect accounts (https://docs.stripe.com/api/accounts): create (<c>type</c> express / standard / custom, or
/// <c>controller[…]</c>), retrieve, update, list. New accounts start with onboarding fields currently due and
/// charges/payouts disabled; the onboarding page or the control API changes that.
/// </summary>
internal static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("POST", "/v1/accounts", Create);
        r.MapStripe("GET", "/v1/accounts", List);
        r.MapStripe("GET", "/v1/accounts/{id}", Retrieve);
        r.MapStripe("POST", "/v1/accounts/{id}", Update);
        r.MapStripe("GET", "/v1/account", RetrieveSelf);
    }

    /// <summary>
    /// <c>GET /v1/account</c>: with <c>Stripe-Account</c> that connected account; without it a synthetic, fully enabled
    /// platform account whose id is derived from the API key (the platform is not stored as an object).
    /// </summary>
    private static JsonNode RetrieveSelf(ApiContext ctx)
    {
        ctx.Params.RejectUnknown();
        if (ctx.Account is not null) return Find(ctx, ctx.Account).Snapshot();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ctx.State.ApiKey)))[..16];
        var platform = AccountStates.NewAccount($"acct_{hash}", "standard", ctx.Emulator.Options.PlatformCountry.ToUpperInvariant(), null, 0,
            ["card_payments", "transfers"], new JsonObject { ["type"] = "account", ["is_controller"] = false });
        platform["charges_enabled"] = true;
        platform["payouts_enabled"] = true;
        platform["details_submitted"] = true;
        platform["requirements"] = AccountStates.Requirements([], null);
        platform["capabilities"] = new JsonObject { ["card_payments"] = "active", ["transfers"] = "active" };
        platform["business_profile"]!["name"] = "Marketplace (Stripe emulator)";
        return platform;
    }

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var type = p.Enum("type", "express", "standard", "custom");
        var controller = ReadController(p.Obj("controller"));
        if (type is null && controller is null) throw StripeApiException.Missing("type");
        type ??= controller!["stripe_dashboard"]?["type"]?.GetValue<string>() switch
        {
            "express" => "express", "none" => "custom", _ => "standard",
        };
        controller ??= new JsonObject
        {
            ["is_controller"] = true,
            ["type"] = "application",
            ["stripe_dashboard"] = new JsonObject { ["type"] = type == "standard" ? "full" : type == "express" ? "express" : "none" },
        };
        var country = (p.Str("country") ?? ctx.Emulator.Options.PlatformCountry).ToUpperInvariant();
        var email = p.Str("email");
        var metadata = p.Map("metadata", out _);
        var capabilities = ReadCapabilities(p.Obj("capabilities"));
        if (capabilities.Count == 0) capabilities = ["card_payments", "transfers"];
        var businessType = p.Enum("business_type", "individual", "company", "non_profit", "government_entity");
        var profile = p.Obj("business_profile");
        var profileValues = ReadProfile(profile);
        var currency = p.Str("default_currency");
        var serviceAgreement = p.Obj("tos_acceptance")?.Enum("service_agreement", "full", "recipient");
        var schedule = PayoutSchedules.Read(p.Obj("settings"));
        p.RejectUnknown();
        if (ctx.Account is not null) throw StripeApiException.BadRequest("Connected accounts cannot create accounts.", null);

        var id = Ids.New("acct_", 16);
        var json = AccountStates.NewAccount(id, type, country, email, ctx.Now, capabilities, controller);
        json["metadata"] = Json.Metadata(metadata);
        json["business_type"] = businessType;
        foreach (var (k, v) in profileValues) json["business_profile"]![k] = v;
        if (currency is not null) json["default_currency"] = currency.ToLowerInvariant();
        if (serviceAgreement is not null) json["tos_acceptance"]!["service_agreement"] = serviceAgreement;
        PayoutSchedules.Apply(json, schedule);
        var account = ctx.State.Add(id, AccountStates.ObjectType, null, json);
        return account.Snapshot();
    }

    private static JsonNode Retrieve(ApiContext ctx)
    {
        ctx.Params.RejectUnknown();
        return Find(ctx, ctx.Id).Snapshot();
    }

    private static JsonNode List(ApiContext ctx)
    {
        // Stripe.net's Accounts.GetAsync(null) requests "/v1/accounts/" (empty id): the caller's own account.
        if (ctx.Http.Request.Path.Value?.EndsWith('/') == true) return RetrieveSelf(ctx);
        var accounts = ctx.State.OfType(AccountStates.ObjectType, null).Where(a => !a.Internal.ContainsKey("deauthorized")).ToList();
        var page = Lists.Page(ctx, accounts, "/v1/accounts");
        ctx.Params.RejectUnknown();
        return page;
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var email = p.Str("email");
        var metadata = p.Map("metadata", out var clear);
        var capabilities = ReadCapabilities(p.Obj("capabilities"));
        var businessType = p.Enum("business_type", "individual", "company", "non_profit", "government_entity");
        var profileValues = ReadProfile(p.Obj("business_profile"));
        var currency = p.Str("default_currency");
        var schedule = PayoutSchedules.Read(p.Obj("settings"));
        p.RejectUnknown();
        var account = Find(ctx, ctx.Id);
        AccountStates.Change(ctx, account, json =>
        {
            if (email is not null) json["email"] = email;
            Json.MergeMetadata(json, metadata, clear);
            if (businessType is not null) json["business_type"] = businessType;
            foreach (var (k, v) in profileValues) json["business_profile"]![k] = v;
            if (currency is not null) json["default_currency"] = currency.ToLowerInvariant();
            PayoutSchedules.Apply(json, schedule);
            var caps = json["capabilities"]!.AsObject();
            foreach (var capability in capabilities)
                if (!caps.ContainsKey(capability))
                    caps[capability] = json["charges_enabled"]!.GetValue<bool>() ? "active" : "inactive";
        });
        return account.Snapshot();
    }

    /// <summary>A connected account of this key, 404 when unknown, 403 when it deauthorized the platform.</summary>
    public static Resource Find(OperationContext ctx, string id, string param = "id")
    {
        if (ctx.Account is not null && ctx.Account != id)
            throw StripeApiException.NotFound("account", id, param);
        var account = ctx.State.Get(id, AccountStates.ObjectType, null, "account", param);
        if (account.Internal.ContainsKey("deauthorized"))
            throw new StripeApiException(403, "invalid_request_error", "account_invalid",
                $"The provided key does not have access to account '{id}' (or that account does not exist). Application access may have been revoked.");
        return account;
    }

    private static List<string> ReadCapabilities(StripeParams? caps)
    {
        if (caps is null) return [];
        var names = new List<string>();
        foreach (var name in caps.Node.Keys.ToList())
        {
            var requested = caps.Obj(name)?.Bool("requested");
            if (requested == true) names.Add(name);
        }
        return names;
    }

    private static JsonObject? ReadController(StripeParams? c)
    {
        if (c is null) return null;
        var fees = c.Obj("fees")?.Str("payer");
        var losses = c.Obj("losses")?.Str("payments");
        var dashboard = c.Obj("stripe_dashboard")?.Enum("type", "express", "full", "none");
        var collection = c.Enum("requirement_collection", "application", "stripe");
        return new JsonObject
        {
            ["fees"] = new JsonObject { ["payer"] = fees ?? "application" },
            ["is_controller"] = true,
            ["losses"] = new JsonObject { ["payments"] = losses ?? "application" },
            ["requirement_collection"] = collection ?? "stripe",
            ["stripe_dashboard"] = new JsonObject { ["type"] = dashboard ?? "express" },
            ["type"] = "application",
        };
    }

    private static Dictionary<string, string> ReadProfile(StripeParams? profile)
    {
        var values = new Dictionary<string, string>();
        if (profile is null) return values;
        foreach (var field in new[] { "mcc", "name", "product_description", "support_email", "url" })
            if (profile.Str(field) is { } v) values[field] = v;
        return values;
    }
}
