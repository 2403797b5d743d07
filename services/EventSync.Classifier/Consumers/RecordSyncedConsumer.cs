using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Storage;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>Records synced: their current errors are resolved, a batch of records in one store write.</summary>
internal sealed class RecordSyncedConsumer(ISyncErrorStore store, TimeProvider time, ILogger<RecordSyncedConsumer> logger)
    : IConsumer<Batch<RecordSynced>>
{
    public async Task Consume(ConsumeContext<Batch<RecordSynced>> context)
    {
        ClassifierMetrics.Received(context, ClassifierMetrics.RecordSyncedEvent, context.Message.Length);
        var now = time.GetUtcNow();
        var resolutions = context.Message
            .Select(m => m.Message)
            .Select(message => new RecordResolution(
                message.TenantId,
                SyncErrorKeys.ObjectType(message.ObjectType),
                message.HubSpotId,
                message.SalesforceId,
                message.SyncedAt ?? now))
            .ToList();
        var resolved = await store.ResolveRecordsAsync(resolutions, context.CancellationToken);
        ClassifierMetrics.Resolved(resolved);
        ClassifierMetrics.Processed(ClassifierMetrics.RecordSyncedEvent, context.Message);

        logger.RecordsResolved(resolutions, resolved);
    }
}
