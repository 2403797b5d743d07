using EventSync.Classifier.Monitoring;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>
/// Takes failure events in batches: one classification pass and one bulk write per batch; an event the store refuses is
/// set aside to <see cref="SyncFailureReportedAloneConsumer"/> (see <see cref="BatchWrite"/>).
/// </summary>
internal sealed class SyncFailureReportedConsumer(FailureRecorder recorder, ClassifierMetrics metrics, ILogger<SyncFailureReportedConsumer> logger)
    : IConsumer<Batch<SyncFailureReported>>
{
    public async Task Consume(ConsumeContext<Batch<SyncFailureReported>> context)
    {
        var failures = context.Message.Select(m => m.Message).ToList();
        metrics.Received(context, ClassifierMetrics.SyncFailureEvent, failures.Count);
        await BatchWrite.WriteAsync(
            context,
            failures,
            some => recorder.RecordAndAnnounceAsync(some, context.CancellationToken),
            SyncFailureReportedAloneConsumerDefinition.Address,
            logger);
        metrics.BatchStored(context.Message);
    }
}
