using EventSync.Classifier.Monitoring;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>
/// Takes failure events in batches: one classification pass and one bulk write per batch. When the write fails, each event
/// is written alone, so one event the store refuses cannot hold back the others: the ones that still fail go on to
/// <see cref="SyncFailureReportedAloneConsumer"/>, where they are retried and parked on their own. When every one fails,
/// the store itself is failing, and the batch is retried as a whole.
/// </summary>
internal sealed class SyncFailureReportedConsumer(FailureRecorder recorder, ILogger<SyncFailureReportedConsumer> logger)
    : IConsumer<Batch<SyncFailureReported>>
{
    public async Task Consume(ConsumeContext<Batch<SyncFailureReported>> context)
    {
        var failures = context.Message.Select(m => m.Message).ToList();
        ClassifierMetrics.Received(context, ClassifierMetrics.SyncFailureEvent, failures.Count);
        try
        {
            await recorder.RecordAndAnnounceAsync(failures, context, context.CancellationToken);
        }
        catch (Exception e) when (failures.Count > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            logger.BatchWriteFailed(e, failures.Count);
            await RecordEachAloneAsync(context, failures);
        }

        ClassifierMetrics.BatchStored(context.Message);
    }

    private async Task RecordEachAloneAsync(ConsumeContext context, List<SyncFailureReported> failures)
    {
        var failed = new List<SyncFailureReported>();
        Exception? last = null;
        foreach (var failure in failures)
        {
            try
            {
                await recorder.RecordAndAnnounceAsync([failure], context, context.CancellationToken);
            }
            catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
            {
                failed.Add(failure);
                last = e;
            }
        }

        if (failed.Count == failures.Count)
        {
            throw new InvalidOperationException($"None of the {failures.Count} events of the batch could be stored, even alone.", last);
        }

        var alone = await context.GetSendEndpoint(SyncFailureReportedAloneConsumerDefinition.Address);
        foreach (var failure in failed)
        {
            logger.EventSetAside(last!, failure.EventId, failure.TenantId);
            await alone.Send(failure, context.CancellationToken);
        }
    }
}
