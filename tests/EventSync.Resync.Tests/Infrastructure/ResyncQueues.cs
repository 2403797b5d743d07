using RabbitMQ.Client;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>The resync worker's queues and the test engines' queues, removed before each test so that none sees another's leftovers.</summary>
public static class ResyncQueues
{
    public const string ResyncErrors = "resync-errors";
    public const string ResyncErrorsError = "resync-errors_error";
    public const string MassTransitEngine = "test-masstransit-engine";

    private static readonly string[] Endpoints =
        [ResyncErrors, "resync-record-synced", "resync-api-usage-reported", "resync-sync-error-classified", MassTransitEngine, "test-surfaced-errors"];

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
