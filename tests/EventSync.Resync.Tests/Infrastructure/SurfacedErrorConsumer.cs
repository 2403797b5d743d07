using MassTransit;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>Stands in for the notifications worker: keeps every TransientErrorSurfaced.</summary>
public sealed class SurfacedErrorConsumer(ReceivedMessages received) : IConsumer<EventSync.Contracts.TransientErrorSurfaced>
{
    public Task Consume(ConsumeContext<EventSync.Contracts.TransientErrorSurfaced> context)
    {
        // Together, so that the two queues stay in step whatever the consumer's concurrency.
        lock (received)
        {
            received.SurfacedMessageIds.Enqueue(context.MessageId);
            received.Surfaced.Enqueue(context.Message);
        }
        return Task.CompletedTask;
    }
}
