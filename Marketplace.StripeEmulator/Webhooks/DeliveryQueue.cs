using System.Threading.Channels;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Webhooks;

/// <summary>One event to send to one endpoint; <see cref="Attempt"/> is 1 for the first try.</summary>
internal sealed record DeliveryJob(KeyState State, string EndpointId, string Url, string Secret,
    string EventId, string EventType, string Payload, int Attempt);

/// <summary>Unbounded channel between the code that emits events (under a key's lock) and <see cref="DeliveryWorker"/>. Never blocks.</summary>
internal sealed class DeliveryQueue
{
    private readonly Channel<DeliveryJob> _channel = Channel.CreateUnbounded<DeliveryJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<DeliveryJob> Reader => _channel.Reader;

    public void Enqueue(DeliveryJob job) => _channel.Writer.TryWrite(job);
}
