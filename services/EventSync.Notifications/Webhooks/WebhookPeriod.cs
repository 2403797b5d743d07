namespace EventSync.Notifications.Webhooks;

/// <summary>The period a digest covers: after <see cref="Start"/>, up to and including <see cref="End"/>.</summary>
internal sealed record WebhookPeriod(DateTimeOffset Start, DateTimeOffset End);
