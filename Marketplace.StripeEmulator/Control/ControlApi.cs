using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marketplace.StripeEmulator.Api;

namespace Marketplace.StripeEmulator.Control;

/// <summary>
/// JSON control API under <c>/_emulator/</c>, scoped by the same <c>Authorization: Bearer sk_test_…</c> key as the
/// Stripe API (see the README for the request bodies). Errors use Stripe's error shape.
/// </summary>
internal static class ControlApi
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record AdvanceRequest(long? Seconds, long? To);
    private sealed record FailRequest(int? Status, int Count, int? DelayMs, bool DuringExecution = false);
    private sealed record AccountStateRequest(string State, string? DisabledReason);
    private sealed record RequirementsRequest(string[]? Fields, long? CurrentDeadline);
    private sealed record RefundFailureRequest(string? FailureReason);
    private sealed record CloseDisputeRequest(string? Outcome);
    private sealed record PayoutRequest(long? Amount, string? Currency, string? FailureCode);
    private sealed record ReleaseRequest(string? Account);

    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapGet("/_emulator/deliveries", (HttpContext http, EmulatorControl control) =>
            RunAsync(http, key => Task.FromResult<object>(new { data = control.Deliveries(key) })));
        r.MapGet("/_emulator/requests", (HttpContext http, EmulatorControl control) =>
            RunAsync(http, key => Task.FromResult<object>(new { data = control.Requests(key).Select(RequestJson) })));
        r.MapGet("/_emulator/clock", (HttpContext http, EmulatorControl control) =>
            RunAsync(http, key => Task.FromResult<object>(new { now = control.Now(key) })));
        r.MapPost("/_emulator/clock/advance", (HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var body = await ReadAsync<AdvanceRequest>(http);
            var seconds = body?.Seconds ?? (body?.To is long to ? to - control.Now(key) : throw StripeApiException.Missing("seconds"));
            var now = control.AdvanceClock(key, TimeSpan.FromSeconds(seconds), out var events);
            return new { now, events };
        }));
        r.MapPost("/_emulator/chaos/api", (HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var body = await ReadAsync<FailRequest>(http) ?? throw StripeApiException.Missing("status");
            if (body.DelayMs is int delayMs)
            {
                control.DelayNextApiCalls(key, TimeSpan.FromMilliseconds(delayMs), body.Count, body.DuringExecution);
                return new { delay_ms = delayMs, count = body.Count };
            }

            control.FailNextApiCalls(key, body.Status ?? throw StripeApiException.Missing("status"), body.Count, body.DuringExecution);
            return new { status = body.Status, count = body.Count };
        }));
        r.MapPost("/_emulator/chaos/webhooks", (HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var body = await ReadAsync<WebhookChaos>(http) ?? new WebhookChaos();
            control.SetWebhookChaos(key, body);
            return body;
        }));
        r.MapPost("/_emulator/refunds/fail_next", (HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var reason = (await ReadAsync<RefundFailureRequest>(http))?.FailureReason ?? "expired_or_canceled_card";
            control.FailNextRefund(key, reason);
            return new { failure_reason = reason };
        }));
        r.MapPost("/_emulator/refunds/hold_next", (HttpContext http, EmulatorControl control) => RunAsync(http, key =>
        {
            control.HoldNextRefund(key);
            return Task.FromResult<object>(new { hold_next = true });
        }));
        r.MapPost("/_emulator/refunds/{id}/settle", (string id, HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var reason = (await ReadAsync<RefundFailureRequest>(http))?.FailureReason;
            control.SettleRefund(key, id, reason);
            return new { id, status = reason is null ? "succeeded" : "failed" };
        }));
        r.MapPost("/_emulator/disputes/{id}/close", (string id, HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var outcome = (await ReadAsync<CloseDisputeRequest>(http))?.Outcome ?? throw StripeApiException.Missing("outcome");
            control.CloseDispute(key, id, outcome);
            return new { id, status = outcome };
        }));
        r.MapPost("/_emulator/accounts/{id}/payouts", (string id, HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var body = await ReadAsync<PayoutRequest>(http);
            return new { id = control.PayOut(key, id, body?.Amount, body?.Currency, body?.FailureCode) };
        }));
        r.MapPost("/_emulator/balance/release", (HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var account = (await ReadAsync<ReleaseRequest>(http))?.Account;
            control.MakeBalanceAvailable(key, account);
            return new { account };
        }));
        r.MapPost("/_emulator/accounts/{id}/state", (string id, HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var body = await ReadAsync<AccountStateRequest>(http) ?? throw StripeApiException.Missing("state");
            control.SetAccountState(key, id, body.State, body.DisabledReason);
            return new { id, state = body.State };
        }));
        r.MapPost("/_emulator/accounts/{id}/requirements", (string id, HttpContext http, EmulatorControl control) => RunAsync(http, async key =>
        {
            var body = await ReadAsync<RequirementsRequest>(http) ?? throw StripeApiException.Missing("fields");
            control.AddRequirements(key, id, body.Fields ?? [], body.CurrentDeadline ?? throw StripeApiException.Missing("current_deadline"));
            return new { id, fields = body.Fields, current_deadline = body.CurrentDeadline };
        }));
    }

    /// <summary>
    /// <c>{method, path, stripe_account, idempotency_key, params, status, at}</c>; <c>params</c> is an object of the
    /// form and query pairs, a key sent more than once (<c>expand[]</c>) holding an array of its values in order.
    /// </summary>
    private static JsonObject RequestJson(EmulatorRequest request)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Parameters)
        {
            if (!parameters.TryGetPropertyValue(key, out var existing)) parameters[key] = value;
            else if (existing is JsonArray values) values.Add(value);
            else parameters[key] = new JsonArray(existing!.DeepClone(), value);
        }
        return new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["stripe_account"] = request.StripeAccount,
            ["idempotency_key"] = request.IdempotencyKey,
            ["params"] = parameters,
            ["status"] = request.Status,
            ["at"] = request.At,
        };
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<string, Task<object>> action)
    {
        try
        {
            var key = ApiPipeline.Authenticate(http);
            return Results.Json(await action(key), JsonOptions);
        }
        catch (StripeApiException ex)
        {
            return Results.Json(ex.ToJson(), statusCode: ex.Status);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http)
    {
        if (http.Request.ContentLength is 0 or null && !http.Request.Headers.ContainsKey("Transfer-Encoding")) return default;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, JsonOptions, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw StripeApiException.BadRequest($"Invalid JSON body: {ex.Message}");
        }
    }
}
