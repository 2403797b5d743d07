namespace EventSync.Notifications.Digests;

/// <summary>Errors of one category that occurred in the period: a bar of the chart.</summary>
internal sealed record DigestCategoryCount(string Category, string Title, long Errors);
