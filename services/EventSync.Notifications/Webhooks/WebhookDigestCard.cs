namespace EventSync.Notifications.Webhooks;

/// <summary>One error type of a <c>digest</c> delivery, with its current errors and the records they affect.</summary>
internal sealed record WebhookDigestCard(string Category, string ErrorType, string Title, long CurrentErrors, long AffectedRecords);
