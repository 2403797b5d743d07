namespace EventSync.Notifications.Webhooks;

/// <summary>One error of an <c>errors</c> delivery; <see cref="Event"/> is <c>error.new</c>, <c>error.reopened</c> or <c>error.surfaced</c>.</summary>
internal sealed record WebhookErrorItem(
    string ErrorId,
    string Event,
    string Category,
    string ErrorType,
    string? ObjectType,
    string? HubSpotId,
    string? SalesforceId,
    DateTimeOffset At);
