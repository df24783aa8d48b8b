using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// <c>POST /v1/accounts/{id}/login_links</c> (https://docs.stripe.com/api/accounts/login_link/create): a single-use URL to
/// the emulator's hosted Express dashboard of a connected account, as <c>{"object":"login_link","created","url"}</c>.
/// Only for accounts on the Express dashboard (<c>type: express</c> or <c>controller.stripe_dashboard.type: express</c>)
/// (Stripe asks nothing more: onboarding need not be complete); 400 <c>parameter_invalid</c> on <c>account</c> otherwise,
/// 404 for an unknown account.
/// </summary>
internal static class LoginLinksApi
{
    public const string ObjectType = "login_link";

    public static void Map(IEndpointRouteBuilder r) => r.MapStripe("POST", "/v1/accounts/{id}/login_links", Create);

    private static JsonNode Create(ApiContext ctx)
    {
        ctx.Params.RejectUnknown();
        var account = AccountsApi.Find(ctx, ctx.Id, "account");
        var express = account.Str("type") == "express"
            || account.Json["controller"]?["stripe_dashboard"]?["type"]?.GetValue<string>() == "express";
        if (!express)
            throw StripeApiException.Invalid("account",
                $"Cannot create a login link for an account that is not on the Express dashboard ({account.Id}).");

        var token = Ids.New("lle_", 24);
        var json = new JsonObject
        {
            ["object"] = ObjectType,
            ["created"] = ctx.Now,
            ["url"] = $"{ctx.BaseUrl}/express/{token}",
        };
        var link = ctx.State.Add(token, ObjectType, null, json);
        link.Internal["account"] = account.Id;
        ctx.Emulator.Store.RegisterHosted(ctx.State, token);
        return link.Snapshot();
    }
}
