using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>What one phase publishes: failure events with some RecordSynced events between them, in publish order.</summary>
internal sealed record Workload(IReadOnlyList<WorkloadMessage> Messages, IReadOnlyList<SyncFailureReported> Failures, IReadOnlyList<RecordSynced> Resolutions)
{
    public int FailureCount => Failures.Count;

    /// <summary>The failure events' bodies alone: what the raw ceiling moves.</summary>
    public IEnumerable<byte[]> FailureBodies => Messages.Where(m => m.FailureEventId is not null).Select(m => m.Body);

    /// <summary>
    /// How many SyncErrorClassified the classifier announces for these events: one per distinct error of each event
    /// (every event id is new, so every error of it changes).
    /// </summary>
    public int ExpectedAnnouncements { get; } = Failures.Sum(f =>
        FailureOccurrence.Of(f, SyncFailureClassifier.Default.Classify(f), DateTimeOffset.UnixEpoch).Select(o => o.ErrorId).Distinct(StringComparer.Ordinal).Count());
}
