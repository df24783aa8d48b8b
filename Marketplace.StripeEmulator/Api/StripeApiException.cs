namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// An error answered in Stripe's shape <c>{"error":{"type","code","message","param"}}</c>
/// (https://docs.stripe.com/api/errors).
/// </summary>
internal sealed class StripeApiException(int status, string type, string? code, string message, string? param = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string? Code { get; } = code;
    public string? Param { get; } = param;
    public string? DeclineCode { get; init; }

    /// <summary>
    /// True for a refused parameter (<c>parameter_missing</c>, <c>parameter_unknown</c>, <c>parameter_invalid…</c>):
    /// the request failed validation before the endpoint began executing, so no idempotent result is saved
    /// (https://docs.stripe.com/api/idempotent_requests). Every other error of a handler counts as executed and is saved.
    /// </summary>
    public bool IsParameterValidation => Code?.StartsWith("parameter_", StringComparison.Ordinal) == true;

    public static StripeApiException Missing(string param) =>
        new(400, "invalid_request_error", "parameter_missing", $"Missing required param: {param}.", param);

    public static StripeApiException Unknown(string param) =>
        new(400, "invalid_request_error", "parameter_unknown", $"Received unknown parameter: {param}", param);

    public static StripeApiException Invalid(string param, string message) =>
        new(400, "invalid_request_error", "parameter_invalid", message, param);

    public static StripeApiException BadRequest(string message, string? param = null, string? code = null) =>
        new(400, "invalid_request_error", code, message, param);

    public static StripeApiException NotFound(string objectName, string id, string param = "id") =>
        new(404, "invalid_request_error", "resource_missing", $"No such {objectName}: '{id}'", param);

    public static StripeApiException CardDeclined(string declineCode = "generic_decline") =>
        new(402, "card_error", "card_declined", "Your card was declined.") { DeclineCode = declineCode };

    public System.Text.Json.Nodes.JsonObject ToJson()
    {
        var error = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = Type,
            ["code"] = Code,
            ["message"] = Message,
            ["param"] = Param,
        };
        if (DeclineCode is not null) error["decline_code"] = DeclineCode;
        return new System.Text.Json.Nodes.JsonObject { ["error"] = error };
    }
}
