using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// Account links (https://docs.stripe.com/api/account_links/create): a single-use URL to the emulator's hosted
/// onboarding page, valid 5 minutes of the key's clock (<c>expires_at</c>, Unix seconds). Needs <c>account</c>,
/// <c>type</c> (<c>account_onboarding</c> or <c>account_update</c>), <c>refresh_url</c> and <c>return_url</c>.
/// </summary>
internal static class AccountLinksApi
{
    public const string ObjectType = "account_link";

    public static void Map(IEndpointRouteBuilder r) => r.MapStripe("POST", "/v1/account_links", Create);

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var accountId = p.RequiredStr("account");
        var type = p.Enum("type", "account_onboarding", "account_update") ?? throw StripeApiException.Missing("type");
        var refreshUrl = p.RequiredStr("refresh_url");
        var returnUrl = p.RequiredStr("return_url");
        p.Str("collect");
        var options = p.Obj("collection_options");
        options?.Str("fields");
        options?.Str("future_requirements");
        p.RejectUnknown();
        AccountsApi.Find(ctx, accountId, "account");

        var token = Ids.New("aclk_", 24);
        var json = new JsonObject
        {
            ["object"] = ObjectType,
            ["created"] = ctx.Now,
            ["expires_at"] = ctx.Now + 300,
            ["url"] = $"{ctx.BaseUrl}/connect/onboarding/{token}",
        };
        var link = ctx.State.Add(token, ObjectType, null, json);
        link.Internal["account"] = accountId;
        link.Internal["type"] = type;
        link.Internal["refresh_url"] = refreshUrl;
        link.Internal["return_url"] = returnUrl;
        ctx.Emulator.Store.RegisterHosted(ctx.State, token);
        return link.Snapshot();
    }
}
