namespace EventSync.Storage.LiteDb.Documents;

// An ErrorOccurrenceEntry as stored.
internal sealed class HistoryEntryDocument
{
    public string EventId { get; set; } = "";

    public long OccurredAtUtcTicks { get; set; }

    public string? StatusCode { get; set; }

    public string? Message { get; set; }
}
