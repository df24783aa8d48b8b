using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;

namespace Marketplace.StripeEmulator.Webhooks;

/// <summary>
/// Background delivery of events (https://docs.stripe.com/webhooks): routes each job to a per-endpoint lane that
/// sends in order, signs with <see cref="WebhookSigner"/>, records every attempt, and retries a non-2xx,
/// a timeout or a connection error after <see cref="StripeEmulatorOptions.DeliveryRetryDelays"/>.
/// A retried event may therefore arrive after later ones, as with Stripe. Applies <c>WebhookChaos</c>.
/// </summary>
internal sealed class DeliveryWorker(Emulator emulator, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LaneIdleTimeout = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Channel<DeliveryJob>> _lanes = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in emulator.Deliveries.Reader.ReadAllAsync(stoppingToken))
            {
                // A lane that went idle removes itself and completes its writer: then take a fresh one.
                while (!Lane(job.EndpointId, stoppingToken).Writer.TryWrite(job))
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private Channel<DeliveryJob> Lane(string endpointId, CancellationToken stoppingToken) =>
        _lanes.GetOrAdd(endpointId, id =>
        {
            var channel = Channel.CreateUnbounded<DeliveryJob>(new UnboundedChannelOptions { SingleReader = true });
            _ = Task.Run(() => RunLaneAsync(id, channel, stoppingToken), stoppingToken);
            return channel;
        });

    /// <summary>Sends one endpoint's jobs in order; after <see cref="LaneIdleTimeout"/> without work the lane ends, so lanes stay bounded.</summary>
    private async Task RunLaneAsync(string endpointId, Channel<DeliveryJob> channel, CancellationToken stoppingToken)
    {
        var reader = channel.Reader;
        try
        {
            while (true)
            {
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    idle.CancelAfter(LaneIdleTimeout);
                    try
                    {
                        if (!await reader.WaitToReadAsync(idle.Token)) return;
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        _lanes.TryRemove(new KeyValuePair<string, Channel<DeliveryJob>>(endpointId, channel));
                        channel.Writer.TryComplete();
                        while (reader.TryRead(out var late)) emulator.Deliveries.Enqueue(late);
                        return;
                    }
                }
                var batch = new List<DeliveryJob>();
                if (!reader.TryRead(out var first)) continue;
                batch.Add(first);
                var chaos = first.State.WebhookChaos;
                if (chaos.Shuffle) await Task.Delay(Math.Max(0, chaos.ShuffleWindowMs), stoppingToken);
                while (reader.TryRead(out var more)) batch.Add(more);
                if (chaos.Shuffle) Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch));
                foreach (var job in batch) await AttemptAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task AttemptAsync(DeliveryJob job, CancellationToken stoppingToken)
    {
        var chaos = job.State.WebhookChaos;
        if (chaos.DelayMs > 0) await Task.Delay(chaos.DelayMs, stoppingToken);

        if (chaos.DropFirstAttempt && job.Attempt == 1)
        {
            Record(job, "dropped", null, "dropped by chaos setting", stoppingToken);
            return;
        }

        int? status = null;
        string? error = null;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            timeout.CancelAfter(emulator.Options.DeliveryTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, job.Url)
                {
                    Content = new StringContent(job.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Stripe-Signature",
                    WebhookSigner.SignatureHeader(job.Payload, job.Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
                request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
                using var response = await _http.SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                error = "timed out";
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
        }

        var succeeded = status is >= 200 and < 300;
        if (!succeeded)
            logger.LogInformation("Webhook {StripeEventId} to {Url} attempt {Attempt} failed: {Status} {Error}",
                job.EventId, job.Url, job.Attempt, status, error);
        Record(job, succeeded ? "succeeded" : "failed", status, error, stoppingToken);
    }

    private void Record(DeliveryJob job, string outcome, int? status, string? error, CancellationToken stoppingToken)
    {
        var delays = emulator.Options.DeliveryRetryDelays;
        var willRetry = outcome != "succeeded" && job.Attempt <= delays.Length;
        job.State.Deliveries.Add(new DeliveryRecord
        {
            EventId = job.EventId,
            EventType = job.EventType,
            EndpointId = job.EndpointId,
            Url = job.Url,
            Attempt = job.Attempt,
            Outcome = outcome,
            StatusCode = status,
            Error = error,
            At = DateTimeOffset.UtcNow,
            WillRetry = willRetry,
        });
        if (!willRetry) return;
        var delay = delays[job.Attempt - 1];
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
                emulator.Deliveries.Enqueue(job with { Attempt = job.Attempt + 1 });
            }
            catch (OperationCanceledException)
            {
            }
        }, stoppingToken);
    }
}
