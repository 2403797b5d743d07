using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Resync.Dispatching;
using MassTransit;

namespace EventSync.Resync.Consumers;

/// <summary>
/// A record synced: the sent resync parts of that record are completed and its transient failure counts start again; a
/// request this finishes is announced. (The classifier resolves the errors themselves.)
/// </summary>
internal sealed class ResyncRecordSyncedConsumer(
    IResyncRequestStore requests,
    ITransientRetryStore retries,
    ResyncFinishAnnouncer announcer,
    TimeProvider time,
    ILogger<ResyncRecordSyncedConsumer> logger) : IConsumer<RecordSynced>
{
    public async Task Consume(ConsumeContext<RecordSynced> context)
    {
        var message = context.Message;
        var objectType = SyncErrorKeys.ObjectType(message.ObjectType);
        var syncedAt = message.SyncedAt ?? time.GetUtcNow();
        var completed = 0;
        foreach (var request in await requests.ListSentForRecordAsync(message.TenantId, objectType, message.HubSpotId, message.SalesforceId, context.CancellationToken))
        {
            var changed = await requests.UpdateRequestAsync(
                message.TenantId, request.RequestId, r => ResyncRequestTransitions.Complete(r, p => IsRecord(p, objectType, message), syncedAt), context.CancellationToken);
            var parts = changed?.Parts.Where(p => p.State == ResyncPartState.Completed && p.CompletedAt == syncedAt && IsRecord(p, objectType, message)).ToList() ?? [];
            completed += parts.Count;
            await retries.ResetAsync(message.TenantId, [.. parts.SelectMany(p => p.ErrorIds)], context.CancellationToken);
            if (changed is not null)
            {
                await announcer.AnnounceAsync(changed, context.CancellationToken);
            }
        }

        logger.PartsCompleted(objectType, message.HubSpotId, message.SalesforceId, message.TenantId, completed);
    }

    private static bool IsRecord(ResyncPart part, string objectType, RecordSynced synced) =>
        part.ObjectType == objectType
        && (Same(part.HubSpotId, synced.HubSpotId) || Same(part.SalesforceId, synced.SalesforceId));

    private static bool Same(string? stored, string? synced) =>
        !string.IsNullOrWhiteSpace(stored) && !string.IsNullOrWhiteSpace(synced) && string.Equals(stored, synced.Trim(), StringComparison.Ordinal);
}
