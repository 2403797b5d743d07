using EventSync.Classifier.Monitoring;
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
        ClassifierMetrics.Received(context, ClassifierMetrics.SyncFailureEvent, failures.Count);
        var classified = await recorder.RecordAsync(failures, context.CancellationToken);
        ClassifierMetrics.BatchStored(context.Message);
        await context.PublishBatch(classified, context.CancellationToken);
        ClassifierMetrics.Published(classified);
        logger.FailuresRecorded(failures, classified.Count);
    }
}
