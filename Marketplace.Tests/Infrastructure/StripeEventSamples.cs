using System.Text.Json;
using Stripe;

namespace Marketplace.Tests.Infrastructure;

/// <summary>The real Stripe webhook payloads under <c>TestData/stripe-events</c>, and Stripe's signature scheme.</summary>
public static class StripeEventSamples
{
    /// <summary>Billing endpoint secret configured by <see cref="WebhookFactory"/>.</summary>
    public const string BillingSecret = "whsec_test_billing_0123456789";

    /// <summary>Connect endpoint secret configured by <see cref="WebhookFactory"/>.</summary>
    public const string ConnectSecret = "whsec_test_connect_0123456789";

    /// <summary>Every sample: file name, raw JSON, whether it is a Connect event (<c>account</c> set), its id.</summary>
    public static IReadOnlyList<(string Name, string Json, bool IsConnect, string Id)> All()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "stripe-events");
        return Directory.GetFiles(folder, "*.json").Order().Select(path =>
        {
            var json = System.IO.File.ReadAllText(path);
            using var doc = JsonDocument.Parse(json);
            var isConnect = doc.RootElement.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.String;
            return (Path.GetFileName(path), json, isConnect, doc.RootElement.GetProperty("id").GetString()!);
        }).ToList();
    }

    /// <summary>A <c>Stripe-Signature</c> header for <paramref name="json"/>, timestamped <paramref name="at"/> (default now).</summary>
    public static string Sign(string json, string secret, DateTimeOffset? at = null) =>
        EventUtility.GenerateSignatureHeader(json, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());

    /// <summary>POSTs a body with a signature header to a webhook endpoint path.</summary>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string json, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return client.SendAsync(request);
    }

    /// <summary>A minimal, well-formed event of <paramref name="type"/> about object <paramref name="objectId"/>.</summary>
    public static string Event(string type, string objectId, string objectType, string? account = null, bool livemode = false,
        string? id = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id ?? $"evt_test_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = livemode,
            ["account"] = account,
            ["pending_webhooks"] = 1,
            ["request"] = new { id = (string?)null, idempotency_key = (string?)null },
            ["data"] = new { @object = new Dictionary<string, object> { ["id"] = objectId, ["object"] = objectType } },
        });
}

/// <summary>The app with both webhook secrets configured (tests sign events themselves) and no Hangfire server.</summary>
public sealed class WebhookFactory : MarketplaceFactory
{
    public WebhookFactory()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Stripe:BillingWebhookSecret"] = StripeEventSamples.BillingSecret,
            ["Stripe:ConnectWebhookSecret"] = StripeEventSamples.ConnectSecret,
        };
    }
}
