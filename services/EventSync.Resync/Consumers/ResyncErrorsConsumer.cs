using EventSync.Contracts;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Requests;
using MassTransit;

namespace EventSync.Resync.Consumers;

/// <summary>An operator's resync command: recorded as a request (one part per record), then what fits the budget goes out.</summary>
internal sealed class ResyncErrorsConsumer(ResyncRequestRecorder recorder, ResyncDispatcher dispatcher) : IConsumer<ResyncErrors>
{
    public async Task Consume(ConsumeContext<ResyncErrors> context)
    {
        await recorder.RecordAsync(context.Message, context.CancellationToken);
        await dispatcher.DispatchAsync(context.Message.TenantId, context.CancellationToken);
    }
}
