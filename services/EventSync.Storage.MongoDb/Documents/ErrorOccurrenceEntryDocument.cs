using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

internal sealed class ErrorOccurrenceEntryDocument
{
    public string EventId { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public string? StatusCode { get; set; }

    public string? Message { get; set; }

    public static ErrorOccurrenceEntryDocument From(ErrorOccurrenceEntry entry) => new()
    {
        EventId = entry.EventId,
        OccurredAt = entry.OccurredAt,
        StatusCode = entry.StatusCode,
        Message = entry.Message,
    };

    public ErrorOccurrenceEntry ToEntry() => new(EventId, OccurredAt, StatusCode, Message);
}
