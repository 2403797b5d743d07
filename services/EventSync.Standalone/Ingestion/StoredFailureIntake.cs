using EventSync.Api.Ingestion;
using EventSync.Classifier.Recording;
using EventSync.Contracts;

namespace EventSync.Standalone.Ingestion;

/// <summary>
/// The intake of a host whose bus lives in its memory: the events are classified and written to the store before the API
/// answers 202, so an accepted event survives a crash of the process. The announcements of the changes are queued in the
/// store with them and published on the in-memory bus by the outbox dispatcher. Nothing queues in memory, so a backlog
/// cannot grow: a client that sends faster waits for its answers.
/// </summary>
internal sealed class StoredFailureIntake(FailureRecorder recorder) : IFailureIntake
{
    public Task AcceptAsync(IReadOnlyList<SyncFailureReported> failures, CancellationToken cancellationToken)
    {
        // Once the write began, the answer no longer depends on the client waiting for it.
        return recorder.RecordAndAnnounceAsync(failures, CancellationToken.None);
    }
}
