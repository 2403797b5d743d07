namespace EventSync.Core.Errors;

/// <summary>One failure of a record as it was reported: the history behind an error.</summary>
public sealed record ErrorOccurrenceEntry(string EventId, DateTimeOffset OccurredAt, string? StatusCode, string? Message);
