namespace Marketplace.StripeEmulator.Tests.Infrastructure;

/// <summary>Drives the emulator's hosted pages like a browser without script: GET the page, POST its form, read the redirect.</summary>
public static class HostedPages
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient http, string url, params (string Key, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await http.PostAsync(url, content);
    }

    /// <summary>Pays a Checkout Session's hosted page with <paramref name="card"/>; returns the response (303 on success).</summary>
    public static Task<HttpResponseMessage> PayCheckoutAsync(this HttpClient http, string sessionUrl, string card, string? email = null)
    {
        var fields = new List<(string, string)> { ("card_number", card), ("action", "pay") };
        if (email is not null) fields.Add(("email", email));
        return http.PostFormAsync(sessionUrl, fields.ToArray());
    }
}
