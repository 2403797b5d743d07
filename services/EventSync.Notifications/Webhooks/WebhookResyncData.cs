namespace EventSync.Notifications.Webhooks;

/// <summary>The <c>data</c> of a <c>resync.completed</c> delivery: one resync request whose every record finished.</summary>
internal sealed record WebhookResyncData(
    string RequestId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Outcome,
    int Records,
    int Completed,
    int Failed,
    DateTimeOffset FinishedAt);
