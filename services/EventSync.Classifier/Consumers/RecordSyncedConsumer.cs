using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Storage;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>A record synced: its current errors are resolved.</summary>
internal sealed class RecordSyncedConsumer(ISyncErrorStore store, TimeProvider time, ILogger<RecordSyncedConsumer> logger) : IConsumer<RecordSynced>
{
    public async Task Consume(ConsumeContext<RecordSynced> context)
    {
        var message = context.Message;
        ClassifierMetrics.Received(context, ClassifierMetrics.RecordSyncedEvent);
        var resolution = new RecordResolution(
            message.TenantId,
            SyncErrorKeys.ObjectType(message.ObjectType),
            message.HubSpotId,
            message.SalesforceId,
            message.SyncedAt ?? time.GetUtcNow());
        var resolved = await store.ResolveRecordAsync(resolution, context.CancellationToken);
        ClassifierMetrics.Resolved(resolved);
        ClassifierMetrics.Processed(ClassifierMetrics.RecordSyncedEvent, context.ReceiveContext.ElapsedTime);
        logger.RecordResolved(resolution.ObjectType, message.HubSpotId, message.SalesforceId, message.TenantId, resolved);
    }
}
