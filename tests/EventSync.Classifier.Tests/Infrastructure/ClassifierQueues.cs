using RabbitMQ.Client;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>The classifier's queues on the broker, removed by <see cref="BrokerLock"/> before and after a run: no run sees what another left.</summary>
public static class ClassifierQueues
{
    public const string SyncFailureReported = "sync-failure-reported";
    public const string SyncFailureReportedError = "sync-failure-reported_error";

    private static readonly string[] Endpoints = [SyncFailureReported, "record-synced", "api-usage-reported"];

    public static async Task DeleteAllAsync(Uri broker, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var endpoint in Endpoints)
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
