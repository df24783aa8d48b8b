using System.Text;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Api;

/// <summary>Handles one Stripe API call; returns the JSON body of a 200 or throws <see cref="StripeApiException"/>.</summary>
internal delegate JsonNode ApiHandler(ApiContext ctx);

/// <summary>
/// What every <c>/v1</c> call goes through, in order: <c>Authorization: Bearer sk_test_…</c> (401 otherwise),
/// planned chaos faults (429 <c>rate_limit</c> / 500, or a delay before handling), parameter parsing (query and form body),
/// <c>Idempotency-Key</c> replay for POSTs, <c>Stripe-Account</c> check, the handler under the key's lock,
/// <c>expand[]</c>, and Stripe's error body. Adds <c>Request-Id</c> to every answer.
/// </summary>
internal static class ApiPipeline
{
    public static void MapStripe(this IEndpointRouteBuilder routes, string method, string pattern, ApiHandler handler) =>
        routes.MapMethods(pattern, [method], (HttpContext http, Emulator emulator) => HandleAsync(http, emulator, handler));

    /// <summary>Answers a <c>/v1</c> path no resource maps: 404 in Stripe's error shape, logged like any other call.</summary>
    public static Task UnrecognizedAsync(HttpContext http, Emulator emulator) => HandleAsync(http, emulator, _ =>
        throw new StripeApiException(404, "invalid_request_error", null,
            $"Unrecognized request URL ({http.Request.Method}: {http.Request.Path}). The emulator does not implement this endpoint."));

    private static async Task HandleAsync(HttpContext http, Emulator emulator, ApiHandler handler)
    {
        var requestId = Ids.New("req_", 14);
        http.Response.Headers["Request-Id"] = requestId;
        http.Response.Headers["Stripe-Version"] = StripeEmulatorOptions.DefaultApiVersion;
        KeyState? state = null;
        List<KeyValuePair<string, string>> pairs = [];
        var account = http.Request.Headers["Stripe-Account"].ToString();
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        var status = 500; // an emulator bug surfaces as 500 (see EmulatorEndpoints); anything else sets it
        try
        {
            var apiKey = Authenticate(http);
            state = emulator.Store.GetOrCreate(apiKey);
            await HandleAuthenticatedAsync(http, emulator, handler, state, requestId, pairs, account, idempotencyKey, s => status = s);
        }
        catch (StripeApiException ex) when (state is null)
        {
            status = ex.Status; // 401: no key, so no log to write to
            await WriteAsync(http, ex.Status, ex.ToJson().ToJsonString());
        }
        finally
        {
            state?.Requests.Add(new EmulatorRequest
            {
                Method = http.Request.Method,
                Path = http.Request.Path.Value ?? "",
                StripeAccount = string.IsNullOrEmpty(account) ? null : account,
                IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
                Parameters = pairs.ToList(),
                Status = status,
                At = DateTimeOffset.UtcNow,
            });
        }
    }

    private static async Task HandleAuthenticatedAsync(HttpContext http, Emulator emulator, ApiHandler handler, KeyState state,
        string requestId, List<KeyValuePair<string, string>> pairs, string rawAccount, string idempotencyKey, Action<int> answered)
    {
        string? reservedKey = null;
        var executing = false; // once the endpoint begins executing, its answer (any status) is the key's saved result
        int status;
        string body;
        var account = string.IsNullOrEmpty(rawAccount) ? null : rawAccount;
        try
        {
            // Parameters are read first so that the request log has them even for a planned failure.
            pairs.AddRange(FormPairs.Parse(http.Request.QueryString.Value));
            pairs.AddRange(await ReadBodyAsync(http));
            var planned = state.ApiChaos.TakeFailure();
            if (planned?.Status is int failure && !planned.DuringExecution) throw PlannedFailure(failure);
            if (planned is { Delay: TimeSpan delay, DuringExecution: false })
            {
                // A slow Stripe: the call is handled after the delay, whether or not the client is still waiting.
                try
                {
                    await Task.Delay(delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    answered(499);
                    return; // the client gave up (its timeout); nothing is done, as when Stripe never received the call
                }
            }

            var root = ParamNode.Parse(pairs);
            var parameters = new StripeParams(root);

            if (HttpMethods.IsPost(http.Request.Method) && !string.IsNullOrEmpty(idempotencyKey))
            {
                if (idempotencyKey.Length > 255)
                    throw StripeApiException.BadRequest("Idempotency-Key must be at most 255 characters.");
                var cached = state.Idempotency.BeginOrReplay(account, idempotencyKey, Fingerprint(http, pairs), state.Now);
                if (cached is not null)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    http.Response.Headers["Idempotency-Key"] = idempotencyKey;
                    answered(cached.Status);
                    await WriteAsync(http, cached.Status, cached.Body);
                    return;
                }
                reservedKey = idempotencyKey;
            }
            // A slow endpoint: it has begun, so it finishes (and keeps its key) whether or not the client still waits.
            if (planned is { Delay: TimeSpan slow, DuringExecution: true }) await Task.Delay(slow, CancellationToken.None);

            lock (state.Gate)
            {
                if (account is not null) RequireConnectedAccount(state, state.ApiKey, account);
                var ctx = new ApiContext(emulator, state, account, requestId,
                    string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey, parameters, http)
                {
                    Expand = parameters.StrList("expand") ?? new(),
                };
                executing = true;
                if (planned?.Status is int executionFailure) throw PlannedFailure(executionFailure);
                var result = handler(ctx);
                Expander.Apply(ctx, result);
                body = result.ToJsonString();
            }
            status = 200;
        }
        catch (Exception ex) when (ex is not StripeApiException && reservedKey is not null)
        {
            // An emulator bug, not Stripe's behaviour: free the idempotency key so a retry is not refused, then let the 500 surface.
            state.Idempotency.Abandon(account, reservedKey);
            throw;
        }
        catch (StripeApiException ex)
        {
            status = ex.Status;
            body = ex.ToJson().ToJsonString();
            if (ex.Status == 429) http.Response.Headers["Stripe-Should-Retry"] = "true";
            if (ex.IsParameterValidation) executing = false;
        }
        if (reservedKey is not null)
        {
            if (executing) state.Idempotency.Complete(account, reservedKey, status, body);
            else state.Idempotency.Abandon(account, reservedKey);
            http.Response.Headers["Idempotency-Key"] = reservedKey;
        }
        answered(status);
        await WriteAsync(http, status, body);
    }

    /// <summary>Returns the secret key, or throws 401 as Stripe does for a missing or non-test key.</summary>
    public static string Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        string? key = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) key = header[7..].Trim();
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try { key = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':')[0]; }
            catch (FormatException) { key = null; }
        }
        if (string.IsNullOrEmpty(key))
            throw new StripeApiException(401, "invalid_request_error", null,
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        if (!key.StartsWith("sk_test_", StringComparison.Ordinal) || key.Length < 12)
            throw new StripeApiException(401, "invalid_request_error", "api_key_invalid",
                $"Invalid API Key provided: {Redact(key)}. The emulator accepts any test secret key (sk_test_…).");
        return key;
    }

    private static void RequireConnectedAccount(KeyState state, string apiKey, string account)
    {
        var resource = state.Find(account);
        if (resource is null || resource.ObjectType != "account" || resource.Internal.ContainsKey("deauthorized"))
            throw new StripeApiException(403, "invalid_request_error", "account_invalid",
                $"The provided key '{Redact(apiKey)}' does not have access to account '{account}' (or that account does not exist). Application access may have been revoked.");
    }

    private static StripeApiException PlannedFailure(int status) => status == 429
        ? RateLimits.RateLimited()
        : new StripeApiException(500, "api_error", null, "An unknown error occurred (planned by the emulator's chaos control).");

    /// <summary>
    /// The body's parameters: <c>application/x-www-form-urlencoded</c>, or <c>multipart/form-data</c> for file uploads
    /// (https://docs.stripe.com/api/files/create): text parts as parameters, each file part as one parameter whose value
    /// names the file, its size and its SHA-256 (so that an idempotency key with another file is refused); the bytes stay
    /// in <c>Request.Form.Files</c> for the handler.
    /// </summary>
    private static async Task<List<KeyValuePair<string, string>>> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength == 0 || HttpMethods.IsGet(http.Request.Method)) return [];
        var contentType = http.Request.ContentType ?? "";
        if (http.Request.HasFormContentType && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
            foreach (var file in form.Files)
            {
                await using var stream = file.OpenReadStream();
                var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, http.RequestAborted));
                pairs.Add(new(file.Name, $"<file \"{file.FileName}\", {file.Length} bytes, sha256 {hash}>"));
            }
            return pairs;
        }
        if (contentType.Length > 0 && !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            throw StripeApiException.BadRequest(
                $"Invalid request: the emulator, like Stripe's v1 API, takes application/x-www-form-urlencoded bodies (multipart/form-data for files), not {contentType}.");
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return FormPairs.Parse(await reader.ReadToEndAsync(http.RequestAborted));
    }

    /// <summary>Method, path and parameters (sorted): what must match for a key to be replayed. The account scopes the key itself.</summary>
    private static string Fingerprint(HttpContext http, List<KeyValuePair<string, string>> pairs)
    {
        var sb = new StringBuilder().Append(http.Request.Method).Append(' ').Append(http.Request.Path);
        foreach (var (k, v) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
            sb.Append('|').Append(k).Append('=').Append(v);
        return sb.ToString();
    }

    private static string Redact(string key) => key.Length <= 12 ? key : $"{key[..8]}{new string('*', 8)}{key[^4..]}";

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body);
    }
}
