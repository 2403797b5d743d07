using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>
/// An event that failed to store within its batch, tried on its own with the usual retries; after the last, it goes to
/// this endpoint's error queue with the reason, and no other event waits for it.
/// </summary>
internal sealed class SyncFailureReportedAloneConsumer(FailureRecorder recorder) : IConsumer<SyncFailureReported>
{
    public Task Consume(ConsumeContext<SyncFailureReported> context) =>
        recorder.RecordAndAnnounceAsync([context.Message], context.CancellationToken);
}
