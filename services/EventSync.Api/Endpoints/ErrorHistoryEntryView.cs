namespace EventSync.Api.Endpoints;

internal sealed record ErrorHistoryEntryView(string EventId, DateTimeOffset OccurredAt, string? StatusCode, string? Message);
