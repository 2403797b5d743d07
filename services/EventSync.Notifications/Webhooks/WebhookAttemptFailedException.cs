namespace EventSync.Notifications.Webhooks;

/// <summary>An attempt that may pass later failed: thrown so that MassTransit's retry tries again, or parks the delivery.</summary>
internal sealed class WebhookAttemptFailedException(string detail) : Exception(detail);
