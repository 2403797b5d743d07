using RabbitMQ.Client;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>The notification worker's queues, deleted before and after each broker test: no test sees another's leftovers.</summary>
public static class NotificationQueues
{
    public const string SendErrorDigest = "send-error-digest";
    public const string SendErrorDigestError = "send-error-digest_error";

    private static readonly string[] Endpoints = [SendErrorDigest, "notify-sync-error-classified", "notify-transient-error-surfaced"];

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
