using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Core.Errors;

/// <summary>One classified error of one failure event: what a store records.</summary>
public sealed record FailureOccurrence(SyncFailureReported Failure, ErrorClassification Classification, int ErrorIndex, DateTimeOffset ReceivedAt)
{
    public DateTimeOffset OccurredAt => Failure.OccurredAt ?? ReceivedAt;

    public string ObjectType => SyncErrorKeys.ObjectType(Failure.ObjectType);

    public string RecordKey => SyncErrorKeys.RecordKey(Failure.HubSpotId, Failure.SalesforceId, Failure.EventId);

    public string ErrorId => SyncErrorKeys.ErrorId(Failure.TenantId, ObjectType, RecordKey, Classification.ErrorType);

    /// <summary>Every classified error of an event, in order.</summary>
    public static IEnumerable<FailureOccurrence> Of(SyncFailureReported failure, FailureClassification classification, DateTimeOffset receivedAt) =>
        classification.Errors.Select((c, i) => new FailureOccurrence(failure, c, i, receivedAt));
}
