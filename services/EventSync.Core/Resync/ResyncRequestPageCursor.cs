namespace EventSync.Core.Resync;

/// <summary>Where a page of resync requests ended: the last request's time and id (requests are listed newest first).</summary>
public sealed record ResyncRequestPageCursor(DateTimeOffset RequestedAt, string RequestId);
