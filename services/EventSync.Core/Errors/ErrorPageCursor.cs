namespace EventSync.Core.Errors;

/// <summary>Where a page ends: errors are listed newest <see cref="SyncError.LastSeen"/> first, then by id.</summary>
public sealed record ErrorPageCursor(DateTimeOffset LastSeen, string Id);
