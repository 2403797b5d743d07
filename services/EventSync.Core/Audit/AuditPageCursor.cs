namespace EventSync.Core.Audit;

/// <summary>Where a page of the audit trail ended: the last entry's time and id (entries are listed newest first).</summary>
public sealed record AuditPageCursor(DateTimeOffset At, string EntryId);
