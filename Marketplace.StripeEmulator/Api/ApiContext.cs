using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Api;

/// <summary>One API call being handled: its parameters, route id and <c>expand[]</c> paths.</summary>
internal sealed class ApiContext(Emulator emulator, KeyState state, string? account, string requestId,
    string? idempotencyKey, StripeParams parameters, HttpContext http)
    : OperationContext(emulator, state, account, requestId, idempotencyKey)
{
    public StripeParams Params { get; } = parameters;

    public HttpContext Http { get; } = http;

    /// <summary>The <c>{id}</c> route value.</summary>
    public string Id => Http.Request.RouteValues["id"]?.ToString() ?? "";

    public List<string> Expand { get; set; } = new();
}
