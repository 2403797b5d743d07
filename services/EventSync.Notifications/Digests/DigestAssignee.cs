namespace EventSync.Notifications.Digests;

/// <summary>A person current errors are assigned to, and how many.</summary>
internal sealed record DigestAssignee(string Assignee, long CurrentErrors);
