using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Storage;

namespace EventSync.Classifier.Recording;

/// <summary>Resolves the current errors of records that synced, in one store write.</summary>
internal sealed class RecordResolver(ISyncErrorStore store, TimeProvider time, ILogger<RecordResolver> logger)
{
    public async Task ResolveAsync(IReadOnlyList<RecordSynced> records, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var resolutions = records
            .Select(message => new RecordResolution(
                message.TenantId,
                SyncErrorKeys.ObjectType(message.ObjectType),
                message.HubSpotId,
                message.SalesforceId,
                message.SyncedAt ?? now))
            .ToList();
        var resolved = await store.ResolveRecordsAsync(resolutions, cancellationToken);
        ClassifierMetrics.Resolved(resolved);
        logger.RecordsResolved(resolutions, resolved);
    }
}
