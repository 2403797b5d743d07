using RabbitMQ.Client;

namespace EventSync.Testing.Broker;

/// <summary>The classifier's queues on the broker, removed by <see cref="BrokerLock"/> before and after a run: no run sees what another left.</summary>
public static class ClassifierQueues
{
    public const string SyncFailureReported = "sync-failure-reported";
    public const string SyncFailureReportedError = "sync-failure-reported_error";

    private static readonly string[] Endpoints = [SyncFailureReported, "sync-failure-reported-alone", "record-synced", "record-synced-alone", "api-usage-reported"];

    public static Task DeleteAllAsync(Uri broker, CancellationToken cancellationToken) => DeleteEndpointsAsync(broker, Endpoints, cancellationToken);

    /// <summary>Deletes the queues of these receive endpoints, their <c>_error</c> and <c>_skipped</c> queues included (any service's).</summary>
    public static async Task DeleteEndpointsAsync(Uri broker, IEnumerable<string> endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var endpoint in endpoints)
        {
            foreach (var queue in new[] { endpoint, $"{endpoint}_error", $"{endpoint}_skipped" })
            {
                await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
            }
        }

        await channel.CloseAsync(cancellationToken);
        await connection.CloseAsync(cancellationToken);
    }
}
