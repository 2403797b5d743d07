using EventSync.Contracts;
using EventSync.Core.Usage;
using EventSync.Resync.Dispatching;
using MassTransit;

namespace EventSync.Resync.Consumers;

/// <summary>
/// New usage figures may make room: they are stored (the newest report wins, so storing them here as well as in the
/// classifier is harmless and means the budget never reads older figures than the message) and the tenant's waiting
/// resyncs are looked at once more.
/// </summary>
internal sealed class ResyncApiUsageReportedConsumer(IApiUsageStore usage, ResyncDispatcher dispatcher, TimeProvider time) : IConsumer<ApiUsageReported>
{
    public async Task Consume(ConsumeContext<ApiUsageReported> context)
    {
        var message = context.Message;
        await usage.SaveUsageAsync(message.TenantId, message.CallsLast24h, message.SalesforceDailyLimit, message.ReportedAt ?? time.GetUtcNow(), context.CancellationToken);
        await dispatcher.DispatchAsync(message.TenantId, context.CancellationToken);
    }
}
