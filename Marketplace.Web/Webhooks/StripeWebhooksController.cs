using Marketplace.Core.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Webhooks;

/// <summary>
/// Stripe's two webhook endpoints, thin: read the raw body once, hand it to <see cref="WebhookReceiver"/> (verify with
/// this endpoint's secret, store, enqueue), answer. 200 once the event is durable or known; 400 with a short reason,
/// nothing stored, for anything that is not a correctly signed event for this endpoint (415 for a content type other
/// than <c>application/json</c>, 413 past <see cref="MaxBodyBytes"/>).
/// </summary>
[ApiController]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("api/webhooks/stripe")]
public sealed class StripeWebhooksController(WebhookReceiver receiver) : ControllerBase
{
    /// <summary>Largest body accepted, in bytes. Stripe's events are a few KB; a bigger body is refused with 413.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>Billing events: the platform's customers, subscriptions, invoices, Checkout Sessions.</summary>
    [HttpPost("billing")]
    [RequestSizeLimit(MaxBodyBytes)]
    public Task<IActionResult> Billing(CancellationToken cancellationToken) => ReceiveAsync(WebhookEndpointKind.Billing, cancellationToken);

    /// <summary>Connect events: events on creators' connected accounts (<c>account</c> set).</summary>
    [HttpPost("connect")]
    [RequestSizeLimit(MaxBodyBytes)]
    public Task<IActionResult> Connect(CancellationToken cancellationToken) => ReceiveAsync(WebhookEndpointKind.Connect, cancellationToken);

    private async Task<IActionResult> ReceiveAsync(WebhookEndpointKind endpoint, CancellationToken cancellationToken)
    {
        if (!IsJson(Request.ContentType))
            return Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Stripe sends application/json");
        if (Request.ContentLength > MaxBodyBytes) return Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: "body too large");
        var body = await ReadBodyAsync(cancellationToken);
        if (body is null) return Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: "body too large");

        var result = await receiver.ReceiveAsync(endpoint, body, Request.Headers["Stripe-Signature"].FirstOrDefault(), cancellationToken);
        return result.Outcome == WebhookReceiveOutcome.Rejected
            ? Problem(statusCode: StatusCodes.Status400BadRequest, title: "Webhook refused", detail: result.Reason)
            : Ok(new { received = true, duplicate = result.Outcome == WebhookReceiveOutcome.Duplicate });
    }

    /// <summary>True for <c>application/json</c>, with or without parameters (Stripe sends <c>; charset=utf-8</c>).</summary>
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as UTF-8 text, or null past <see cref="MaxBodyBytes"/> (also when no length was announced).</summary>
    private async Task<string?> ReadBodyAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
