using EventSync.Api.Ingestion;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Standalone.Ingestion;

/// <summary>
/// The intake of a host whose bus lives in its memory: the events are classified and written to the store before the API
/// answers 202, so an accepted event survives a crash of the process. Only the announcements of the changes travel on the
/// in-memory bus. Nothing queues in memory, so a backlog cannot grow: a client that sends faster waits for its answers.
/// </summary>
internal sealed class StoredFailureIntake(FailureRecorder recorder, IPublishEndpoint bus) : IFailureIntake
{
    public Task AcceptAsync(IReadOnlyList<SyncFailureReported> failures, CancellationToken cancellationToken)
    {
        // Once the write began, the answer no longer depends on the client waiting for it.
        return recorder.RecordAndAnnounceAsync(failures, bus, CancellationToken.None);
    }
}
