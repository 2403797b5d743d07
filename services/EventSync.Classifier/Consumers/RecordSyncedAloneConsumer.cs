using EventSync.Classifier.Recording;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>A synced record whose resolution failed within its batch, tried on its own with the usual retries, then parked.</summary>
internal sealed class RecordSyncedAloneConsumer(RecordResolver resolver) : IConsumer<RecordSynced>
{
    public Task Consume(ConsumeContext<RecordSynced> context) => resolver.ResolveAsync([context.Message], context.CancellationToken);
}
