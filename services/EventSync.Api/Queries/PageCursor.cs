namespace EventSync.Api.Queries;

/// <summary>Where a page of a list ordered by an instant and an id ended: the last item's instant and id.</summary>
internal readonly record struct PageCursor(DateTimeOffset At, string Id);
