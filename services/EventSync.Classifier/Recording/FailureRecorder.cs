using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;
using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Classifier.Recording;

/// <summary>
/// Classifies failure events and records them in the store in one bulk write, together with the
/// <see cref="SyncErrorClassified"/> announcement of each change (the outbox): the outbox dispatcher publishes them once
/// the write committed, so a crash or a broker failure after the write delays an announcement but never loses it.
/// </summary>
public sealed class FailureRecorder(ISyncFailureClassifier classifier, ISyncErrorStore store, OutboxSignal outbox, ClassifierMetrics metrics, TimeProvider time, ILogger<FailureRecorder> logger)
{
    /// <summary>Records the events and the announcements of the changes they made in one write, then wakes the dispatcher.</summary>
    public async Task RecordAndAnnounceAsync(IReadOnlyList<SyncFailureReported> failures, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var occurrences = failures
            .SelectMany(f => FailureOccurrence.Of(f, classifier.Classify(f), receivedAt))
            .ToList();
        var changes = await store.RecordAnnouncedAsync(occurrences, change => OutboxMessage.Of(Announcement(change)), cancellationToken);
        metrics.Stored(occurrences);
        if (changes.Count > 0)
        {
            outbox.Notify();
        }

        metrics.Published(changes.Select(Announcement));
        logger.FailuresRecorded(failures, changes.Count);
    }

    /// <summary>The <see cref="SyncErrorClassified"/> that announces a change.</summary>
    public static SyncErrorClassified Announcement(SyncErrorChange change)
    {
        var error = change.Error;
        return new SyncErrorClassified
        {
            ErrorId = error.Id,
            EventId = error.LastEventId,
            TenantId = error.TenantId,
            EngineId = error.EngineId,
            ObjectType = error.ObjectType,
            HubSpotId = error.HubSpotId,
            SalesforceId = error.SalesforceId,
            Category = error.Category,
            ErrorType = error.ErrorType,
            Retryable = ErrorCatalog.Default.Get(error.ErrorType).Retryable,
            RuleId = error.RuleId,
            Occurrence = change.Occurrence,
            OccurredAt = error.LastSeen,
        };
    }
}
