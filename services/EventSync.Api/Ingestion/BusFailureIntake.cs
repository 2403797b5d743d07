using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Ingestion;

/// <summary>
/// Publishes the events to the bus. On RabbitMQ the publish returns once the broker confirmed it (publisher confirms), so
/// a 202 means the broker holds the event.
/// </summary>
internal sealed class BusFailureIntake(IPublishEndpoint publisher, IOptions<MessagingOptions> messaging) : IFailureIntake
{
    public Task AcceptAsync(IReadOnlyList<SyncFailureReported> failures, CancellationToken cancellationToken) =>
        messaging.Within(token => publisher.PublishBatch(failures, token), cancellationToken);
}
