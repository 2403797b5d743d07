using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Classifier.Recording;

/// <summary>
/// Resolves the current errors of records that synced, in one store write that also queues a <see cref="SyncErrorResolved"/>
/// for each resolved error in the outbox.
/// </summary>
internal sealed class RecordResolver(ISyncErrorStore store, ClassifierMetrics metrics, TimeProvider time, ILogger<RecordResolver> logger)
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
        var resolved = await store.ResolveRecordsAnnouncedAsync(resolutions, e => OutboxMessage.Of(Announcement(e)), cancellationToken);
        metrics.Resolved(resolved);
        logger.RecordsResolved(resolutions, resolved);
    }

    /// <summary>The <see cref="SyncErrorResolved"/> that announces a resolved error.</summary>
    public static SyncErrorResolved Announcement(SyncError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new SyncErrorResolved
        {
            ErrorId = error.Id,
            TenantId = error.TenantId,
            EngineId = error.EngineId,
            ObjectType = error.ObjectType,
            HubSpotId = error.HubSpotId,
            SalesforceId = error.SalesforceId,
            Category = error.Category,
            ErrorType = error.ErrorType,
            ResolvedAt = error.ResolvedAt ?? throw new InvalidOperationException($"Error {error.Id} is announced as resolved without a time."),
        };
    }
}
