using MassTransit;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>A .NET sync engine that takes ResyncRecord through MassTransit on its own queue.</summary>
public sealed class MassTransitEngineConsumer(ReceivedMessages received) : IConsumer<EventSync.Contracts.ResyncRecord>
{
    public Task Consume(ConsumeContext<EventSync.Contracts.ResyncRecord> context)
    {
        received.Resyncs.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
