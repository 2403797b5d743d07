using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>Takes failure events in batches: one classification pass and one bulk write per batch.</summary>
internal sealed class SyncFailureReportedConsumer(FailureRecorder recorder, ILogger<SyncFailureReportedConsumer> logger)
    : IConsumer<Batch<SyncFailureReported>>
{
    public async Task Consume(ConsumeContext<Batch<SyncFailureReported>> context)
    {
        var failures = context.Message.Select(m => m.Message).ToList();
        var classified = await recorder.RecordAsync(failures, context.CancellationToken);
        await context.PublishBatch(classified, context.CancellationToken);
        logger.FailuresRecorded(failures.Count, classified.Count);
    }
}
