using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;
using EventSync.Core.Storage;
using MassTransit;

namespace EventSync.Classifier.Recording;

/// <summary>Classifies failure events and records them in the store in one bulk write; returns what to announce.</summary>
public sealed class FailureRecorder(ISyncFailureClassifier classifier, ISyncErrorStore store, TimeProvider time, ILogger<FailureRecorder> logger)
{
    /// <summary>Records the events in one write, then publishes the changes they made.</summary>
    public async Task RecordAndAnnounceAsync(IReadOnlyList<SyncFailureReported> failures, IPublishEndpoint announcer, CancellationToken cancellationToken)
    {
        var classified = await RecordAsync(failures, cancellationToken);
        await announcer.PublishBatch(classified, cancellationToken);
        ClassifierMetrics.Published(classified);
        logger.FailuresRecorded(failures, classified.Count);
    }

    public async Task<IReadOnlyList<SyncErrorClassified>> RecordAsync(IReadOnlyList<SyncFailureReported> failures, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var occurrences = failures
            .SelectMany(f => FailureOccurrence.Of(f, classifier.Classify(f), receivedAt))
            .ToList();
        var changes = await store.RecordAsync(occurrences, cancellationToken);
        ClassifierMetrics.Stored(occurrences);
        return changes.Select(ToEvent).ToList();
    }

    private static SyncErrorClassified ToEvent(SyncErrorChange change)
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
