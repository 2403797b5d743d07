namespace EventSync.Notifications.Digests;

/// <summary>One error type with current errors, with its texts in the tenant's language.</summary>
internal sealed record DigestCard(string Category, string CategoryTitle, string ErrorType, string Title, string Meaning, string Fix, long CurrentErrors, long AffectedRecords);
