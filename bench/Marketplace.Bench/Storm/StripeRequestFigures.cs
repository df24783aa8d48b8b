using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Bench.Storm;

/// <summary>
/// What the app asked of Stripe during the storm, from the emulator's request log (<c>GET /_emulator/requests</c>, every
/// <c>/v1</c> call of the key with its status): the reads (<c>GET</c> answered), the 429s, the reads per endpoint (one
/// endpoint per named operation: <c>GET /v1/invoices/{id}</c> whatever the id, https://docs.stripe.com/rate-limits), and
/// the floor: the shortest time Stripe's limits allow for those reads, the slowest of the account's limit over all of
/// them and each endpoint's limit over its own.
/// </summary>
public sealed partial record StripeRequestFigures(int Requests, int Reads, int RateLimited, IReadOnlyDictionary<string, int> ReadsByEndpoint, double FloorSeconds)
{
    /// <summary>Stripe's per-endpoint limit, the same in test and live mode (requests per second).</summary>
    public const double EndpointPerSecond = 25;

    /// <summary>The figures of the log entries after the first <paramref name="skip"/>, for an account allowed <paramref name="accountPerSecond"/>.</summary>
    public static StripeRequestFigures Of(JsonElement log, int skip, double accountPerSecond)
    {
        int requests = 0, reads = 0, limited = 0;
        var byEndpoint = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in log.GetProperty("data").EnumerateArray().Skip(skip))
        {
            requests++;
            var status = entry.GetProperty("status").GetInt32();
            if (status == 429)
            {
                limited++;
                continue;
            }

            if (entry.GetProperty("method").GetString() != "GET" || status >= 400) continue;
            reads++;
            var endpoint = "GET " + Id().Replace(entry.GetProperty("path").GetString()!, "/{id}");
            byEndpoint[endpoint] = byEndpoint.GetValueOrDefault(endpoint) + 1;
        }

        var floor = Math.Max(reads / accountPerSecond, byEndpoint.Values.DefaultIfEmpty(0).Max() / EndpointPerSecond);
        return new StripeRequestFigures(requests, reads, limited, byEndpoint, floor);
    }

    /// <summary>How many entries the log holds now (the storm's start).</summary>
    public static int Count(JsonElement log) => log.GetProperty("data").GetArrayLength();

    [GeneratedRegex("/[a-z]+_[A-Za-z0-9_]+")]
    private static partial Regex Id();
}
