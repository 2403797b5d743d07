using EventSync.Classifier.Monitoring;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>
/// Records synced: their current errors are resolved, a batch of records in one store write; a message the store refuses
/// is set aside to <see cref="RecordSyncedAloneConsumer"/> (see <see cref="BatchWrite"/>).
/// </summary>
internal sealed class RecordSyncedConsumer(RecordResolver resolver, ClassifierMetrics metrics, ILogger<RecordSyncedConsumer> logger)
    : IConsumer<Batch<RecordSynced>>
{
    public async Task Consume(ConsumeContext<Batch<RecordSynced>> context)
    {
        metrics.Received(context, ClassifierMetrics.RecordSyncedEvent, context.Message.Length);
        await BatchWrite.WriteAsync(
            context,
            context.Message.Select(m => m.Message).ToList(),
            some => resolver.ResolveAsync(some, context.CancellationToken),
            RecordSyncedAloneConsumerDefinition.Address,
            logger);
        metrics.Processed(ClassifierMetrics.RecordSyncedEvent, context.Message);
    }
}
