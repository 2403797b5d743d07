using EventSync.Testing.Broker;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>The notification worker's queues, deleted before and after each broker test: no test sees another's leftovers.</summary>
public static class NotificationQueues
{
    public const string SendErrorDigest = "send-error-digest";
    public const string SendErrorDigestError = "send-error-digest_error";
    public const string DeliverWebhookError = "deliver-webhook_error";

    private static readonly string[] Endpoints = [SendErrorDigest, "notify-sync-error-classified", "notify-transient-error-surfaced", "notify-errors-assigned", "deliver-webhook"];

    public static Task DeleteAllAsync(Uri broker, CancellationToken cancellationToken) => ClassifierQueues.DeleteEndpointsAsync(broker, Endpoints, cancellationToken);
}
